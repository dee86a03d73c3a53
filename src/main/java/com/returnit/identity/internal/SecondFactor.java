package com.returnit.identity.internal;

import com.returnit.identity.internal.domain.Base32;
import com.returnit.identity.internal.domain.Totp;
import com.returnit.platform.AuditLog;
import com.returnit.platform.Conflict;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor authentication with TOTP: enrolment hands out a secret (as an otpauth URI and QR code) and ten
 * single-use recovery codes, and takes effect once a first code proves the authenticator app has it.
 */
@Service
class SecondFactor {

	static final int RECOVERY_CODES = 10;
	private static final SecureRandom RANDOM = new SecureRandom();

	record Enrolment(String secret, String otpauthUri, String qrCodePng, List<String> recoveryCodes) {
	}

	private final TotpCredentials credentials;
	private final AccountRepository accounts;
	private final AuditLog audit;
	private final Clock clock;
	private final String issuer;

	SecondFactor(TotpCredentials credentials, AccountRepository accounts, AuditLog audit, Clock clock,
			@Value("${returnit.security.mfa.issuer:ReturnIt}") String issuer) {
		this.credentials = credentials;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.issuer = issuer;
	}

	boolean enrolled(UUID accountId) {
		return credentials.confirmed(accountId);
	}

	/** A new pending secret and recovery codes; refused once a second factor is confirmed. */
	@Transactional
	Enrolment start(UUID accountId) {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		if (!credentials.startEnrolment(accountId, secret)) {
			throw new Conflict("Two-factor authentication is already set up for this account.");
		}
		List<String> codes = recoveryCodes();
		credentials.replaceRecoveryCodes(accountId, codes);
		String email = accounts.findById(accountId).map(Account::email).orElse(accountId.toString());
		String base32 = Base32.encode(secret);
		String uri = "otpauth://totp/" + encode(issuer) + ":" + encode(email) + "?secret=" + base32 + "&issuer="
				+ encode(issuer) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
		return new Enrolment(base32, uri, QrCodes.pngDataUri(uri), codes);
	}

	/** Confirms a pending enrolment with a first code; false when the code is wrong or already used. */
	@Transactional
	boolean confirm(UUID accountId, String code) {
		var pending = credentials.find(accountId).orElse(null);
		if (pending == null) {
			return false;
		}
		if (pending.confirmed()) {
			throw new Conflict("Two-factor authentication is already set up for this account.");
		}
		OptionalLong step = Totp.verify(pending.secret(), code, clock.instant(), pending.lastUsedStep());
		if (step.isEmpty() || !credentials.useStep(accountId, step.getAsLong(), true)) {
			return false;
		}
		audit.record("mfa.enrolled", "account", accountId, Map.of("method", "totp"));
		return true;
	}

	/** Enrols the account with a known secret at once: the bootstrap operator of an automated environment. */
	@Transactional
	void enrolWithSecret(UUID accountId, byte[] secret) {
		if (credentials.confirmed(accountId)) {
			return;
		}
		credentials.startEnrolment(accountId, secret);
		credentials.useStep(accountId, 1, true);
		audit.record("mfa.enrolled", "account", accountId, Map.of("method", "totp", "provisioned", true));
	}

	/** A TOTP code for a step not used before, or an unused recovery code (which is then spent). */
	boolean accept(UUID accountId, String code) {
		var credential = credentials.find(accountId).filter(TotpCredentials.Credential::confirmed).orElse(null);
		if (credential == null) {
			return false;
		}
		String trimmed = code.trim();
		OptionalLong step = Totp.verify(credential.secret(), trimmed, clock.instant(), credential.lastUsedStep());
		if (step.isPresent()) {
			return credentials.useStep(accountId, step.getAsLong(), false);
		}
		boolean recovered = trimmed.length() > Totp.DIGITS && credentials.useRecoveryCode(accountId, trimmed);
		if (recovered) {
			audit.recordAs("system", "mfa.recovery_code_used", "account", accountId, Map.of());
		}
		return recovered;
	}

	private static List<String> recoveryCodes() {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] bytes = new byte[10];
			RANDOM.nextBytes(bytes);
			String code = Base32.encode(bytes).toLowerCase(java.util.Locale.ROOT);
			codes.add(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
					+ code.substring(12, 16));
		}
		return codes;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
