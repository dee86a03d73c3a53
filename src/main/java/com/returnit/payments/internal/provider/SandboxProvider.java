package com.returnit.payments.internal.provider;

import com.returnit.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded provider. It keeps its books in PostgreSQL as a real provider would (every call by idempotency key),
 * so a repeated key answers the first answer and double charges are countable, also across restarts. Test tokens in
 * Stripe's style: {@code tok_visa} and {@code tok_mastercard} succeed, {@code tok_chargeDeclined} is declined,
 * {@code tok_insufficientFunds} fails for funds. Two switches, shared by every node: outage and latency.
 */
public class SandboxProvider implements PaymentProvider {

	/** The sandbox's fee on a capture: basis points of the amount plus a fixed part. */
	public record Fees(long basisPoints, long fixedCents) {

		long on(long amount) {
			return amount * basisPoints / 10_000 + fixedCents;
		}
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Fees fees;
	private final Duration timeout;
	private final Clock clock;

	public SandboxProvider(JdbcClient jdbc, TransactionTemplate transactions, Fees fees, Duration timeout, Clock clock) {
		this.jdbc = jdbc;
		// its books are the provider's, not ours: they never roll back with a request's transaction
		this.transactions = new TransactionTemplate(java.util.Objects.requireNonNull(transactions.getTransactionManager()));
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.fees = fees;
		this.timeout = timeout;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "sandbox";
	}

	@Override
	public ProviderResult execute(ProviderRequest request) {
		respondOrFail();
		return transactions.execute(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:t))").param("t", request.target()).query().singleValue();
			return stored(request.idempotencyKey()).orElseGet(() -> record(request, decide(request)));
		});
	}

	@Override
	public Optional<ProviderResult> lookup(ProviderRequest request) {
		respondOrFail();
		return stored(request.idempotencyKey());
	}

	/** Sets the outage and latency switches for every node. */
	public void switches(boolean outage, Duration latency) {
		jdbc.sql("UPDATE sandbox_provider_switches SET outage = :o, latency_ms = :l WHERE id = 1")
			.param("o", outage).param("l", (int) latency.toMillis()).update();
	}

	private record Switches(boolean outage, long latencyMs) {
	}

	/** Behaves as the switches say: slow (a timeout when slower than the call timeout), or down. */
	private void respondOrFail() {
		Switches switches = jdbc.sql("SELECT outage, latency_ms FROM sandbox_provider_switches WHERE id = 1")
			.query((rs, n) -> new Switches(rs.getBoolean(1), rs.getInt(2))).single();
		if (switches.latencyMs() > 0) {
			sleep(Math.min(switches.latencyMs(), timeout.toMillis()));
			if (switches.latencyMs() >= timeout.toMillis()) {
				throw new ProviderUnavailable("sandbox timed out after " + timeout.toMillis() + " ms");
			}
		}
		if (switches.outage()) {
			throw new ProviderUnavailable("sandbox outage");
		}
	}

	private ProviderResult decide(ProviderRequest request) {
		return switch (request.operation()) {
			case AUTHORIZE -> switch (request.target()) {
				case "tok_visa", "tok_mastercard" -> succeeded("pi_sbx_", 0);
				case "tok_chargeDeclined" -> new ProviderResult.Declined("card_declined", "Your card was declined.");
				case "tok_insufficientFunds" ->
					new ProviderResult.Declined("insufficient_funds", "Your card has insufficient funds.");
				default -> new ProviderResult.Declined("invalid_payment_method",
						"No such payment method: use a test token such as tok_visa.");
			};
			case CAPTURE -> openAuthorization(request) ? succeeded("ch_sbx_", fees.on(request.amountCents()))
					: unexpectedState(request);
			case VOID -> openAuthorization(request) ? succeeded("void_sbx_", 0) : unexpectedState(request);
			case REFUND -> request.amountCents() <= refundable(request.target()) ? succeeded("re_sbx_", 0)
					: new ProviderResult.Declined("amount_too_large", "Refund exceeds the captured amount.");
			case PAYOUT -> succeeded("po_sbx_", 0);
		};
	}

	/** Authorized for at least this amount, and neither captured nor voided yet: one capture per authorization. */
	private boolean openAuthorization(ProviderRequest request) {
		Long authorized = jdbc.sql("""
				SELECT amount_cents FROM sandbox_provider_calls
				WHERE operation = 'authorize' AND outcome = 'succeeded' AND reference = :t""")
			.param("t", request.target()).query(Long.class).optional().orElse(null);
		boolean closed = jdbc.sql("""
				SELECT count(*) > 0 FROM sandbox_provider_calls
				WHERE target = :t AND operation IN ('capture', 'void') AND outcome = 'succeeded'""")
			.param("t", request.target()).query(Boolean.class).single();
		return authorized != null && !closed && request.amountCents() <= authorized;
	}

	private long refundable(String authorization) {
		return jdbc.sql("""
				SELECT coalesce(sum(CASE WHEN operation = 'capture' THEN amount_cents ELSE -amount_cents END), 0)
				FROM sandbox_provider_calls
				WHERE target = :t AND operation IN ('capture', 'refund') AND outcome = 'succeeded'""")
			.param("t", authorization).query(Long.class).single();
	}

	private static ProviderResult unexpectedState(ProviderRequest request) {
		return new ProviderResult.Declined("payment_intent_unexpected_state",
				"The authorization " + request.target() + " cannot be " + request.operation().code() + "d now.");
	}

	private ProviderResult succeeded(String prefix, long fee) {
		return new ProviderResult.Succeeded(prefix + Ids.newId(clock).toString().replace("-", ""), fee);
	}

	private ProviderResult record(ProviderRequest request, ProviderResult result) {
		String reference = result instanceof ProviderResult.Succeeded s ? s.reference() : "declined";
		long fee = result instanceof ProviderResult.Succeeded s ? s.feeCents() : 0;
		jdbc.sql("""
				INSERT INTO sandbox_provider_calls (idempotency_key, operation, target, reference, amount_cents,
				  currency, outcome, decline_code, fee_cents, created_at)
				VALUES (:key, :op, :target, :ref, :amount, :currency, :outcome, :code, :fee, :at)""")
			.param("key", request.idempotencyKey()).param("op", request.operation().code())
			.param("target", request.target()).param("ref", reference).param("amount", request.amountCents())
			.param("currency", request.currency())
			.param("outcome", result instanceof ProviderResult.Succeeded ? "succeeded" : "declined")
			.param("code", result instanceof ProviderResult.Declined d ? d.code() + ": " + d.message() : null)
			.param("fee", fee).param("at", Timestamp.from(clock.instant()))
			.update();
		return result;
	}

	private Optional<ProviderResult> stored(String key) {
		return jdbc.sql("""
				SELECT outcome, reference, decline_code, fee_cents FROM sandbox_provider_calls
				WHERE idempotency_key = :key""")
			.param("key", key)
			.query((rs, n) -> "succeeded".equals(rs.getString(1))
					? (ProviderResult) new ProviderResult.Succeeded(rs.getString(2), rs.getLong(4))
					: declined(rs.getString(3)))
			.optional();
	}

	private static ProviderResult declined(String stored) {
		int colon = stored.indexOf(": ");
		return new ProviderResult.Declined(stored.substring(0, colon), stored.substring(colon + 2));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ProviderUnavailable("interrupted", e);
		}
	}
}
