package com.returnit.push.internal.domain;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The browser's keys of a push subscription, checked the way RFC 8291 uses them. */
public final class SubscriptionKeys {

	private static final BigInteger P = new BigInteger(
			"ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
	private static final BigInteger B = new BigInteger(
			"5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

	private SubscriptionKeys() {
	}

	/** Why {@code p256dh} is not an uncompressed P-256 public key (65 bytes, base64url), or empty when it is. */
	public static Optional<String> whyP256dhRefused(String p256dh) {
		byte[] bytes = decode(p256dh);
		if (bytes == null || bytes.length != 65 || bytes[0] != 4) {
			return Optional.of("must be an uncompressed P-256 public key: 65 bytes in base64url");
		}
		BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 1, 33));
		BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 33, 65));
		// y^2 = x^3 - 3x + b (mod p): a point off the curve would let a sender leak its ephemeral key
		BigInteger left = y.modPow(BigInteger.TWO, P);
		BigInteger right = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(B).mod(P);
		if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0 || !left.equals(right)) {
			return Optional.of("is not a point on the P-256 curve");
		}
		return Optional.empty();
	}

	/** Why {@code auth} is not a 16-byte secret in base64url, or empty when it is. */
	public static Optional<String> whyAuthRefused(String auth) {
		byte[] bytes = decode(auth);
		return bytes != null && bytes.length == 16 ? Optional.empty()
				: Optional.of("must be the 16-byte authentication secret in base64url");
	}

	private static byte @Nullable [] decode(String value) {
		try {
			return Base64.getUrlDecoder().decode(value.replace("=", ""));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
