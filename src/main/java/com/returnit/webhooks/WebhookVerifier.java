package com.returnit.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a webhook from ReturnIt as the Standard Webhooks 1.0 specification says: the {@code webhook-signature}
 * header holds one or more {@code v1,<base64 HMAC-SHA256>} signatures of {@code id.timestamp.body} made with the
 * endpoint's secret ({@code whsec_<base64>}); one must match, and the timestamp must be within five minutes of
 * now. With {@link #rememberingIds()} a message id seen before within that window is refused as a replay.
 * Plain JDK code with no dependencies, so merchants may copy it as it is.
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier(System.getenv("RETURNIT_WEBHOOK_SECRET")).rememberingIds();
 * verifier.verify(request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
 *         request.getHeader("webhook-signature"), rawBody); // throws VerificationFailed
 * }</pre>
 */
public final class WebhookVerifier {

	/** The message is not from ReturnIt, was changed, is too old or too new, or was seen before. */
	public static final class VerificationFailed extends RuntimeException {

		public VerificationFailed(String message) {
			super(message);
		}
	}

	public static final Duration TOLERANCE = Duration.ofMinutes(5);
	private static final int MAX_REMEMBERED = 100_000;

	private final byte[] key;
	private final Clock clock;
	private final Map<String, Instant> seen;

	public WebhookVerifier(String secret) {
		this(secret, Clock.systemUTC(), false);
	}

	public WebhookVerifier(String secret, Clock clock) {
		this(secret, clock, false);
	}

	private WebhookVerifier(String secret, Clock clock, boolean remember) {
		String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
		this.key = Base64.getDecoder().decode(encoded);
		this.clock = clock;
		this.seen = remember ? new LinkedHashMap<>() : null;
	}

	/** A verifier that also refuses a message id it has already accepted within the tolerance window. */
	public WebhookVerifier rememberingIds() {
		return new WebhookVerifier("whsec_" + Base64.getEncoder().encodeToString(key), clock, true);
	}

	/** Returns normally when the message is authentic and fresh; throws {@link VerificationFailed} otherwise. */
	public void verify(String id, String timestamp, String signatureHeader, String body) {
		if (id == null || id.isBlank() || timestamp == null || signatureHeader == null || body == null) {
			throw new VerificationFailed("missing webhook-id, webhook-timestamp or webhook-signature");
		}
		Instant sent = parseTimestamp(timestamp);
		Instant now = clock.instant();
		if (sent.isBefore(now.minus(TOLERANCE)) || sent.isAfter(now.plus(TOLERANCE))) {
			throw new VerificationFailed("timestamp outside the tolerance of " + TOLERANCE.toMinutes() + " minutes");
		}
		byte[] expected = hmac(id + "." + timestamp + "." + body);
		if (!anyMatches(signatureHeader, expected)) {
			throw new VerificationFailed("no matching signature");
		}
		if (seen != null) {
			remember(id, now);
		}
	}

	/** The signature header value for a message, as ReturnIt sends it (for tests of a merchant's receiver). */
	public String sign(String id, String timestamp, String body) {
		return "v1," + Base64.getEncoder().encodeToString(hmac(id + "." + timestamp + "." + body));
	}

	private boolean anyMatches(String header, byte[] expected) {
		for (String part : header.trim().split(" +")) {
			int comma = part.indexOf(',');
			if (comma < 0 || !"v1".equals(part.substring(0, comma))) {
				continue;
			}
			byte[] given;
			try {
				given = Base64.getDecoder().decode(part.substring(comma + 1));
			}
			catch (IllegalArgumentException e) {
				continue;
			}
			if (MessageDigest.isEqual(given, expected)) {
				return true;
			}
		}
		return false;
	}

	private synchronized void remember(String id, Instant now) {
		seen.values().removeIf(at -> at.isBefore(now.minus(TOLERANCE)));
		if (seen.containsKey(id)) {
			throw new VerificationFailed("message " + id + " was already received (replay)");
		}
		if (seen.size() >= MAX_REMEMBERED) {
			seen.remove(seen.keySet().iterator().next());
		}
		seen.put(id, now);
	}

	private static Instant parseTimestamp(String timestamp) {
		try {
			return Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
		}
		catch (NumberFormatException | java.time.DateTimeException e) {
			throw new VerificationFailed("webhook-timestamp is not a number of seconds");
		}
	}

	private byte[] hmac(String content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
