package com.returnit.identity;

import com.returnit.identity.internal.domain.Base32;
import com.returnit.identity.internal.domain.Totp;
import java.time.Instant;

/**
 * What an authenticator app shows for a TOTP secret (RFC 6238, SHA-1, 30 s, 6 digits): for scripts and the demo,
 * which log in as an operator whose secret they provisioned.
 */
public final class TotpCodes {

	private TotpCodes() {
	}

	/** The code for this base32 secret at this instant. */
	public static String at(String base32Secret, Instant instant) {
		return Totp.code(Base32.decode(base32Secret), Totp.step(instant));
	}
}
