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
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on creating POSTs: the same key and body replays the first answer (status and body),
 * the same key with another body is a 422, the same key still running is a 409. Keys are scoped to the caller. The
 * key is claimed and completed in the request's own transaction (ADR 0053): no commit of its own on success.
 * Runs after the security filters, so the caller is known.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";
	/**
	 * How long a claim committed by a node of a version from before ADR 0053 may sit unlocked before a retry takes it
	 * over: its owner locked it within milliseconds, so an unlocked claim this old belongs to a request that is no
	 * longer running (its node died).
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
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		Outcome outcome;
		try {
			outcome = tx.execute(status -> attempt(scope, key, hash, chain, cached, wrapper, status));
		}
		catch (RuntimeException e) {
			log.error("Request with Idempotency-Key failed; the key is free for a retry", e);
			wrapper.resetBuffer();
			ProblemResponses.write(wrapper, HttpStatus.SERVICE_UNAVAILABLE,
					"The request could not be completed; retry it with the same Idempotency-Key.",
					request.getRequestURI());
			wrapper.copyBodyToResponse();
			return;
		}
		switch (outcome) {
			case Outcome.Ran ran -> {
				try {
					int status = wrapper.getStatus();
					if (status >= 400 && status < 500) {
						store.rememberRefusal(scope, key, hash, status, contentType(wrapper),
								wrapper.getContentAsByteArray());
					}
				}
				catch (RuntimeException e) {
					log.warn("A refusal with Idempotency-Key was answered but not remembered; a retry runs again", e);
				}
				finally {
					wrapper.copyBodyToResponse();
				}
			}
			case Outcome.Busy busy -> inFlight(request, response);
			case Outcome.Answered(IdempotencyStore.Entry entry) when !Arrays.equals(entry.requestHash(), hash) ->
				ProblemResponses.write(response, HttpStatus.UNPROCESSABLE_CONTENT,
						"This Idempotency-Key was already used with a different request.", request.getRequestURI());
			case Outcome.Answered(IdempotencyStore.Entry entry) -> {
				response.setStatus(entry.status());
				response.setContentType(entry.contentType());
				response.setHeader("Idempotent-Replayed", "true");
				response.getOutputStream().write(entry.body());
			}
		}
	}

	/** What the key's transaction came to: the request ran, or another request with the key runs, or it has answered. */
	private sealed interface Outcome {

		record Ran() implements Outcome {
		}

		record Busy() implements Outcome {
		}

		record Answered(IdempotencyStore.Entry entry) implements Outcome {
		}
	}

	/**
	 * Claims the key, runs the request and records its answer in one transaction (ADR 0053), so a success and its
	 * replayable answer commit together or not at all, and a request that fails or whose node dies leaves the key free
	 * for a retry. While it runs, the key's advisory lock tells another request with the key to wait (409). A 4xx or
	 * 5xx rolls the work back; the filter then remembers a 4xx on its own.
	 */
	private Outcome attempt(String scope, String key, byte[] hash, FilterChain chain, CachedBodyRequest request,
			ContentCachingResponseWrapper wrapper, TransactionStatus status) {
		IdempotencyStore.Begin begin = store.begin(scope, key, hash);
		if (begin.busy()) {
			return new Outcome.Busy();
		}
		UUID token = begin.token().orElse(null);
		if (token == null) {
			IdempotencyStore.Entry entry = store.find(scope, key).orElse(null);
			if (entry == null) {
				return new Outcome.Busy(); // removed since the insert saw it (expired); a retry runs
			}
			if (entry.state() == IdempotencyStore.State.COMPLETED || !Arrays.equals(entry.requestHash(), hash)) {
				return new Outcome.Answered(entry);
			}
			token = store.reclaimAbandoned(scope, key, hash, CLAIM_GRACE).orElse(null);
			if (token == null) {
				return new Outcome.Busy();
			}
		}
		run(chain, request, wrapper);
		if (wrapper.getStatus() >= 400) {
			status.setRollbackOnly();
			return new Outcome.Ran();
		}
		store.complete(scope, key, token, wrapper.getStatus(), contentType(wrapper), wrapper.getContentAsByteArray());
		return new Outcome.Ran();
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
