package returnit.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's current TOTP code (RFC 6238, ADR 0015) from {@code RETURNIT_ADMIN_TOTP_SECRET}, for the benchmarks
 * and drills that log the operator in; empty when the variable is unset (accounts without TOTP ignore the code).
 * Not a program: the scripts compile it into their work directory and put it on the class path; the load module
 * (load/) compiles it as a test source.
 */
public final class Totp {

	private Totp() {
	}

	public static String currentCode() {
		String secret = System.getenv().getOrDefault("RETURNIT_ADMIN_TOTP_SECRET", "");
		if (secret.isEmpty()) {
			return "";
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(base32(secret), "HmacSHA1"));
			byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(System.currentTimeMillis() / 30_000).array());
			int o = h[h.length - 1] & 0x0f;
			int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
			return String.format("%06d", bin % 1_000_000);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] base32(String secret) {
		ByteArrayOutputStream key = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : secret.toUpperCase(Locale.ROOT).toCharArray()) {
			buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c);
			bits += 5;
			if (bits >= 8) {
				key.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return key.toByteArray();
	}
}
