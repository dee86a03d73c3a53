package com.returnit.platform.internal;

import com.returnit.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on creating POSTs: the same key and body replays the first answer (status and body),
 * the same key with another body is a 422, the same key still running is a 409. Keys are scoped to the caller.
 * Runs after the security filters, so the caller is known.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";
	private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

	private final IdempotencyStore store;

	IdempotencyFilter(IdempotencyStore store) {
		this.store = store;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (key.isBlank() || key.length() > 255) {
			ProblemResponses.write(response, HttpStatus.BAD_REQUEST,
					"Header 'Idempotency-Key' must be 1 to 255 characters.", request.getRequestURI());
			return;
		}
		CachedBodyRequest cached = new CachedBodyRequest(request);
		String scope = scope();
		byte[] hash = hash(request, cached.body());
		if (store.claim(scope, key, hash) || store.reclaimAbandoned(scope, key, hash, ABANDONED_AFTER)) {
			runAndRemember(cached, response, chain, scope, key);
			return;
		}
		IdempotencyStore.Entry entry = store.find(scope, key).orElse(null);
		if (entry == null) {
			// Released between our claim and our read: the earlier attempt failed, so run this one.
			if (store.claim(scope, key, hash)) {
				runAndRemember(cached, response, chain, scope, key);
			}
			else {
				inFlight(request, response);
			}
			return;
		}
		if (!Arrays.equals(entry.requestHash(), hash)) {
			ProblemResponses.write(response, HttpStatus.UNPROCESSABLE_CONTENT,
					"This Idempotency-Key was already used with a different request.", request.getRequestURI());
			return;
		}
		if (entry.state() == IdempotencyStore.State.IN_FLIGHT) {
			inFlight(request, response);
			return;
		}
		response.setStatus(entry.status());
		response.setContentType(entry.contentType());
		response.setHeader("Idempotent-Replayed", "true");
		response.getOutputStream().write(entry.body());
	}

	private void runAndRemember(CachedBodyRequest request, HttpServletResponse response, FilterChain chain,
			String scope, String key) throws ServletException, IOException {
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		boolean remembered = false;
		try {
			chain.doFilter(request, wrapper);
			if (wrapper.getStatus() < 500) {
				store.complete(scope, key, wrapper.getStatus(), String.valueOf(wrapper.getContentType()),
						wrapper.getContentAsByteArray());
				remembered = true;
			}
		}
		finally {
			if (!remembered) {
				store.release(scope, key);
			}
			wrapper.copyBodyToResponse();
		}
	}

	private static void inFlight(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "1");
		ProblemResponses.write(response, HttpStatus.CONFLICT,
				"A request with this Idempotency-Key is still in progress; retry shortly.", request.getRequestURI());
	}

	private static String scope() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
	}

	private static byte[] hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(body);
			return digest.digest();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
