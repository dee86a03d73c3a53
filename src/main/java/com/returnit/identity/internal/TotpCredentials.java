package com.returnit.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts' TOTP secrets: pending until the first code confirms them; the last step used guards against replay. */
@Repository
class TotpCredentials {

	record Credential(UUID accountId, byte[] secret, boolean confirmed, long lastUsedStep) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	TotpCredentials(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Credential> find(UUID accountId) {
		return jdbc.sql("SELECT account_id, secret, confirmed_at IS NOT NULL, last_used_step FROM totp_credentials WHERE account_id = :id")
			.param("id", accountId)
			.query((rs, n) -> new Credential(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getBoolean(3), rs.getLong(4)))
			.optional();
	}

	boolean confirmed(UUID accountId) {
		return find(accountId).map(Credential::confirmed).orElse(false);
	}

	/** Starts (or restarts) an enrolment; false when the account already has a confirmed secret. */
	boolean startEnrolment(UUID accountId, byte[] secret) {
		return jdbc.sql("""
				INSERT INTO totp_credentials (account_id, secret, created_at) VALUES (:id, :secret, :now)
				ON CONFLICT (account_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at,
				  last_used_step = 0
				WHERE totp_credentials.confirmed_at IS NULL""")
			.param("id", accountId).param("secret", secret).param("now", Timestamp.from(clock.instant()))
			.update() == 1;
	}

	/** Records the step as used; false when it (or a later one) was used already, so a code works only once. */
	boolean useStep(UUID accountId, long step, boolean confirm) {
		return jdbc.sql("""
				UPDATE totp_credentials SET last_used_step = :step,
				  confirmed_at = CASE WHEN :confirm THEN coalesce(confirmed_at, :now) ELSE confirmed_at END
				WHERE account_id = :id AND last_used_step < :step""")
			.param("id", accountId).param("step", step).param("confirm", confirm)
			.param("now", Timestamp.from(clock.instant()))
			.update() == 1;
	}

	void delete(UUID accountId) {
		jdbc.sql("DELETE FROM recovery_codes WHERE account_id = :id").param("id", accountId).update();
		jdbc.sql("DELETE FROM totp_credentials WHERE account_id = :id").param("id", accountId).update();
	}

	void replaceRecoveryCodes(UUID accountId, java.util.List<String> codes) {
		jdbc.sql("DELETE FROM recovery_codes WHERE account_id = :id").param("id", accountId).update();
		for (String code : codes) {
			jdbc.sql("INSERT INTO recovery_codes (account_id, code_hash) VALUES (:id, :hash)")
				.param("id", accountId).param("hash", Secrets.digest(normalise(code))).update();
		}
	}

	/** Spends a recovery code; false when it is unknown or was used before. */
	boolean useRecoveryCode(UUID accountId, String code) {
		return jdbc.sql("""
				UPDATE recovery_codes SET used_at = :now
				WHERE account_id = :id AND code_hash = :hash AND used_at IS NULL""")
			.param("id", accountId).param("hash", Secrets.digest(normalise(code)))
			.param("now", Timestamp.from(clock.instant()))
			.update() == 1;
	}

	private static String normalise(String code) {
		return code.replace("-", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
	}
}
