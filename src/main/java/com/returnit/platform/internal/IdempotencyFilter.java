package com.returnit.platform.internal;

import com.returnit.platform.CachedBodyRequest;
import com.returnit.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on creating POSTs: the same key and body replays the first answer (status and body),
 * the same key with another body is a 422, the same key still running is a 409. Keys are scoped to the caller.
 * Runs after the security filters, so the caller is known.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";
	/**
	 * How long a claim may sit unlocked before a retry takes it over: its owner locks it within milliseconds, so an
	 * unlocked claim this old belongs to a request that is no longer running (its node died).
	 */
	private static final Duration CLAIM_GRACE = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

	private final IdempotencyStore store;
	private final TransactionTemplate tx;

	IdempotencyFilter(IdempotencyStore store, TransactionTemplate tx) {
		this.store = store;
		this.tx = tx;
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
		var claim = store.claim(scope, key, hash).or(() -> store.reclaimAbandoned(scope, key, hash, CLAIM_GRACE));
		if (claim.isPresent()) {
			runAndRemember(cached, response, chain, new Claim(scope, key, claim.get()));
			return;
		}
		IdempotencyStore.Entry entry = store.find(scope, key).orElse(null);
		if (entry == null) {
			// Released between our claim and our read: the earlier attempt failed, so run this one.
			claim = store.claim(scope, key, hash);
			if (claim.isPresent()) {
				runAndRemember(cached, response, chain, new Claim(scope, key, claim.get()));
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

	private record Claim(String scope, String key, UUID token) {
	}

	/**
	 * Runs the request in one transaction with the recording of its answer, so a success and its replayable answer
	 * commit together or not at all; the transaction holds the key's row locked, which tells a retry that the request
	 * is still running. A 4xx rolls the business work back and is then remembered on its own; a 5xx or a failed commit
	 * releases the key so that a retry runs again. A claim that a retry took over meanwhile answers 409, running nothing.
	 */
	private void runAndRemember(CachedBodyRequest request, HttpServletResponse response, FilterChain chain,
			Claim claim) throws IOException {
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		boolean remembered = false;
		try {
			Boolean outcome = tx.execute(status -> {
				if (!store.lockOwnClaim(claim.scope(), claim.key(), claim.token())) {
					return null;
				}
				run(chain, request, wrapper);
				if (wrapper.getStatus() >= 400) {
					status.setRollbackOnly();
					return false;
				}
				store.complete(claim.scope(), claim.key(), claim.token(), wrapper.getStatus(), contentType(wrapper),
						wrapper.getContentAsByteArray());
				return true;
			});
			if (outcome == null) {
				remembered = true;
				inFlight(request, wrapper);
				return;
			}
			remembered = outcome;
			if (!remembered && wrapper.getStatus() < 500) {
				store.complete(claim.scope(), claim.key(), claim.token(), wrapper.getStatus(), contentType(wrapper),
						wrapper.getContentAsByteArray());
				remembered = true;
			}
		}
		catch (RuntimeException e) {
			log.error("Request with Idempotency-Key failed; the key is released for a retry", e);
			wrapper.resetBuffer();
			ProblemResponses.write(wrapper, HttpStatus.SERVICE_UNAVAILABLE,
					"The request could not be completed; retry it with the same Idempotency-Key.",
					request.getRequestURI());
		}
		finally {
			if (!remembered) {
				store.release(claim.scope(), claim.key(), claim.token());
			}
			wrapper.copyBodyToResponse();
		}
	}

	private static void run(FilterChain chain, CachedBodyRequest request, ContentCachingResponseWrapper wrapper) {
		try {
			chain.doFilter(request, wrapper);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (ServletException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String contentType(ContentCachingResponseWrapper wrapper) {
		return String.valueOf(wrapper.getContentType());
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
