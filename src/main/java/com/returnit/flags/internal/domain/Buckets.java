package com.returnit.flags.internal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The rollout bucket of a targeting key for one flag: 0..9999 from SHA-256 of flag key and targeting key. The same
 * pair always gives the same bucket, on every node and after every restart; the flag key is part of the input so that
 * the first 1% of one flag are not the first 1% of every other.
 */
public final class Buckets {

	public static final int COUNT = 10_000;

	private Buckets() {
	}

	public static int of(String flagKey, String targetingKey) {
		byte[] digest = sha256(flagKey + "\u0000" + targetingKey);
		long high = 0;
		for (int i = 0; i < 8; i++) {
			high = (high << 8) | (digest[i] & 0xff);
		}
		return (int) Long.remainderUnsigned(high, COUNT);
	}

	private static byte[] sha256(String input) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}
}
