package com.returnit.push.internal.domain;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * P-256 keys in the raw forms Web Push uses (and {@code web-push generate-vapid-keys} prints): the public key as the
 * 65-byte uncompressed point, the private key as the 32-byte scalar, both base64url without padding.
 */
public final class RawP256 {

	private static final ECParameterSpec CURVE = curve();

	private RawP256() {
	}

	public static ECPublicKey publicKey(String base64url) throws GeneralSecurityException {
		byte[] bytes = decode(base64url);
		if (bytes.length != 65 || bytes[0] != 4) {
			throw new GeneralSecurityException("not an uncompressed P-256 point");
		}
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(bytes, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(bytes, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, CURVE));
	}

	public static ECPrivateKey privateKey(String base64url) throws GeneralSecurityException {
		byte[] bytes = decode(base64url);
		if (bytes.length != 32) {
			throw new GeneralSecurityException("not a 32-byte P-256 private key");
		}
		return (ECPrivateKey) KeyFactory.getInstance("EC")
			.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, bytes), CURVE));
	}

	public static String encode(ECPublicKey key) {
		byte[] out = new byte[65];
		out[0] = 4;
		copy(key.getW().getAffineX(), out, 1);
		copy(key.getW().getAffineY(), out, 33);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
	}

	public static String encode(ECPrivateKey key) {
		byte[] out = new byte[32];
		copy(key.getS(), out, 0);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
	}

	private static void copy(BigInteger value, byte[] into, int at) {
		byte[] bytes = value.toByteArray();
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, into, at + 32 - length, length);
	}

	private static byte[] decode(String base64url) throws GeneralSecurityException {
		try {
			return Base64.getUrlDecoder().decode(base64url.trim().replace("=", ""));
		}
		catch (IllegalArgumentException e) {
			throw new GeneralSecurityException("not base64url", e);
		}
	}

	private static ECParameterSpec curve() {
		try {
			AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec("secp256r1"));
			return parameters.getParameterSpec(ECParameterSpec.class);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the JDK has no P-256", e);
		}
	}
}
