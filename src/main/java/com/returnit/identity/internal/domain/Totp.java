package com.returnit.identity.internal.domain;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits, the authenticator
 * apps' defaults. A code is accepted for the current step and one step either side (clock drift), and only for a
 * step later than the last one used, so no code is ever accepted twice.
 */
public final class Totp {

	public static final int STEP_SECONDS = 30;
	public static final int DIGITS = 6;
	private static final int DRIFT_STEPS = 1;

	private Totp() {
	}

	public static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	public static String code(byte[] secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%0" + DIGITS + "d", binary % 1_000_000);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The step this code belongs to, if it is valid at {@code now} and later than {@code lastUsedStep}. */
	public static OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
		if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		OptionalLong match = OptionalLong.empty();
		for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
			// compare every candidate in constant time, and never stop early
			if (MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes()) && step > lastUsedStep
					&& match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}
}
