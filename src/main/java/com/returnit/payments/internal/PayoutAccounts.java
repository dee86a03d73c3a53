package com.returnit.payments.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Drivers;
import com.returnit.identity.Role;
import com.returnit.platform.AuditLog;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each driver is paid with Stripe: their Connect account ({@code acct_...}). The driver sets it, or an
 * operator does; anyone else, like another driver, finds no such driver.
 */
@Service
class PayoutAccounts {

	/** A payout destination. */
	record PayoutAccount(UUID driverId, String stripeAccountId, String updatedBy, Instant updatedAt) {
	}

	static final Pattern STRIPE_ACCOUNT = Pattern.compile("^acct_[A-Za-z0-9]{1,64}$");

	private final JdbcClient jdbc;
	private final Drivers drivers;
	private final AuditLog audit;
	private final Clock clock;

	PayoutAccounts(JdbcClient jdbc, Drivers drivers, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.drivers = drivers;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	PayoutAccount set(Caller caller, UUID driverId, String stripeAccountId) {
		requireVisible(caller, driverId);
		String account = stripeAccountId.trim();
		if (!STRIPE_ACCOUNT.matcher(account).matches()) {
			throw InvalidInput.badRequest("stripeAccountId", "must be a Stripe connected account id: acct_ followed by "
					+ "1 to 64 letters or digits");
		}
		jdbc.sql("""
				INSERT INTO driver_payout_accounts (driver_id, stripe_account_id, updated_by, updated_at)
				VALUES (:driver, :account, :by, :now)
				ON CONFLICT (driver_id) DO UPDATE SET stripe_account_id = :account, updated_by = :by, updated_at = :now""")
			.param("driver", driverId).param("account", account).param("by", caller.scope())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		audit.record("payout_account.set", "driver", driverId, Map.of("stripeAccountId", account));
		return find(driverId).orElseThrow();
	}

	@Transactional(readOnly = true)
	PayoutAccount get(Caller caller, UUID driverId) {
		requireVisible(caller, driverId);
		return find(driverId).orElseThrow(() -> new NotFound("Payout account"));
	}

	Optional<PayoutAccount> find(UUID driverId) {
		return jdbc.sql("SELECT * FROM driver_payout_accounts WHERE driver_id = :driver").param("driver", driverId)
			.query((rs, n) -> new PayoutAccount(driverId, rs.getString("stripe_account_id"), rs.getString("updated_by"),
					rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}

	private void requireVisible(Caller caller, UUID driverId) {
		boolean self = caller.role() == Role.DRIVER && caller.id().equals(driverId);
		if (!(self || caller.isOperator()) || drivers.find(driverId).isEmpty()) {
			throw new NotFound("Driver");
		}
	}
}
