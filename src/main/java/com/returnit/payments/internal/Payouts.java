package com.returnit.payments.internal;

import com.returnit.payments.internal.PaymentBodies.PayoutRunView;
import com.returnit.payments.internal.PaymentBodies.PayoutView;
import com.returnit.payments.internal.domain.Postings;
import com.returnit.payments.internal.provider.GuardedProvider;
import com.returnit.payments.internal.provider.ProviderRequest;
import com.returnit.payments.internal.provider.ProviderResult;
import com.returnit.payments.internal.provider.ProviderUnavailable;
import com.returnit.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The weekly payout run. Each driver with a payable balance gets one payout row per period (a unique key), created
 * before any money moves; then each unpaid row is paid through the provider under the row's own idempotency key and
 * posted to the ledger under the row's id. Running twice, on two nodes, or again after a crash pays exactly once.
 * With Stripe a payout is a Connect transfer to the driver's connected account; a driver without one stays owed.
 */
@Service
class Payouts {

	private static final Logger log = LoggerFactory.getLogger(Payouts.class);

	private final JdbcClient jdbc;
	private final Ledger ledger;
	private final GuardedProvider provider;
	private final OwnTransactions transactions;
	private final PayoutAccounts accounts;
	private final PaymentsProperties properties;
	private final Clock clock;

	Payouts(JdbcClient jdbc, Ledger ledger, GuardedProvider provider, OwnTransactions transactions,
			PayoutAccounts accounts, PaymentsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.provider = provider;
		this.transactions = transactions;
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${returnit.payments.payouts.cron:0 0 3 * * MON}", zone = "UTC")
	void weekly() {
		if (properties.payouts().enabled()) {
			PayoutRunView run = run(null);
			log.info("Payout run {}: {} paid, {} cents", run.period(), run.paid(), run.totalCents());
		}
	}

	PayoutRunView run(@Nullable String requestedPeriod) {
		String period = requestedPeriod != null ? requestedPeriod : currentPeriod();
		for (Ledger.Balance balance : ledger.balances("driver_payable:")) {
			if (balance.amountCents() < 0) {
				UUID driver = UUID.fromString(balance.account().substring("driver_payable:".length()));
				UUID id = Ids.newId(clock);
				jdbc.sql("""
						INSERT INTO payouts (id, driver_id, period, amount_cents, currency, status, idempotency_key,
						  created_at)
						VALUES (:id, :driver, :period, :amount, :currency, 'pending', :key, :now)
						ON CONFLICT (driver_id, period) DO NOTHING""")
					.param("id", id).param("driver", driver).param("period", period)
					.param("amount", -balance.amountCents()).param("currency", balance.currency())
					.param("key", "returnit:payout:" + driver + ":" + period)
					.param("now", Timestamp.from(clock.instant()))
					.update();
			}
		}
		of(period).stream().filter(p -> "pending".equals(p.status())).forEach(this::pay);
		List<PayoutView> payouts = of(period);
		List<PayoutView> paid = payouts.stream().filter(p -> "paid".equals(p.status())).toList();
		return new PayoutRunView(period, paid.size(), paid.stream().mapToLong(PayoutView::amountCents).sum(), payouts);
	}

	private void pay(PayoutView payout) {
		Optional<String> destination = destinationOf(payout.driverId());
		if (destination.isEmpty()) {
			unpaid(payout, "the driver has no Stripe connected account yet (PUT /v1/drivers/" + payout.driverId()
					+ "/payout-account); paid by the next run after it is set", false);
			return;
		}
		ProviderResult result;
		try {
			result = provider.execute(new ProviderRequest(ProviderRequest.Operation.PAYOUT,
					"returnit:payout:" + payout.driverId() + ":" + payout.period(), payout.amountCents(),
					payout.currency(), destination.get()));
		}
		catch (ProviderUnavailable e) {
			unpaid(payout, e.getMessage(), true);
			return;
		}
		transactions.run(() -> settle(payout, result));
	}

	/** The driver's id for the sandbox; with Stripe, the driver's connected account, when they have one. */
	private Optional<String> destinationOf(UUID driver) {
		if (!provider.paysToConnectedAccounts()) {
			return Optional.of(driver.toString());
		}
		return accounts.find(driver).map(PayoutAccounts.PayoutAccount::stripeAccountId);
	}

	/** Still owed: the same row, under the same idempotency key, is tried again by the next run. */
	private void unpaid(PayoutView payout, @Nullable String reason, boolean attempted) {
		jdbc.sql("UPDATE payouts SET attempts = attempts + :n, last_error = :e WHERE id = :id AND status = 'pending'")
			.param("n", attempted ? 1 : 0).param("e", reason).param("id", payout.id()).update();
	}

	private void settle(PayoutView payout, ProviderResult result) {
		if (result instanceof ProviderResult.Succeeded done) {
			ledger.post(Postings.payout(Ids.newId(clock), payout.id(), payout.driverId(), payout.amountCents(),
					payout.currency(), clock.instant()));
			jdbc.sql("""
					UPDATE payouts SET status = 'paid', provider_ref = :ref, paid_at = :now, attempts = attempts + 1,
					  last_error = NULL
					WHERE id = :id AND status = 'pending'""")
				.param("ref", done.reference()).param("now", Timestamp.from(clock.instant())).param("id", payout.id())
				.update();
		}
		else if (result instanceof ProviderResult.Declined declined) {
			jdbc.sql("UPDATE payouts SET status = 'failed', last_error = :e WHERE id = :id AND status = 'pending'")
				.param("e", declined.code() + ": " + declined.message()).param("id", payout.id()).update();
		}
	}

	List<PayoutView> of(String period) {
		return jdbc.sql("""
				SELECT id, driver_id, period, amount_cents, currency, status, provider_ref, attempts, last_error
				FROM payouts WHERE period = :period ORDER BY driver_id""")
			.param("period", period)
			.query((rs, n) -> new PayoutView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
					rs.getString(9)))
			.list();
	}

	private String currentPeriod() {
		var today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		return "%d-W%02d".formatted(today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}
}
