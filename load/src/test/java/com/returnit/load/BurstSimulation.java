package com.returnit.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The booking burst: {@code -Dbookings=N} bookings (quote, then order) submitted by {@code -Dconcurrency} clients
 * back to back (a closed loop), each with its own Idempotency-Key, retried with the same key on 429/503 or no
 * answer after the Retry-After the service asked for. Each booking is made by the next of {@code -Dcustomers}
 * customers in turn (default two per client: 128 customers leave room for 200 bookings/s under the 200-a-minute
 * customer limit), so the per-customer limit is not what bounds the burst. No booking starts after
 * {@code -Dseconds} (default 900), and those started finish, so the client's ledger is complete; then
 * {@link BurstVerdict} compares it with the database. Progress is printed every {@code -Dprogress} seconds, and the
 * customers' access tokens are renewed every {@code -DtokenRenewal} seconds (300: three chances before they expire).
 */
public class BurstSimulation extends Simulation {

	private static final int MAX_ATTEMPTS = 20;

	private final Target target = Target.fromSystem();

	private final int customers = target.customers() > 0 ? target.customers() : 2 * target.concurrency();

	private final Seed seed = new Seed(target);

	private final Seed.Data data = seed.create(Math.max(2, customers), 0);

	private final CustomerTokens tokens = new CustomerTokens(seed, data.customers());

	private final FeederBuilder<Object> customerFeed = listFeeder(IntStream.range(0, tokens.size())
		.mapToObj(i -> Map.<String, Object>of("customer", i)).toList()).circular();

	private final Ledger ledger = new Ledger(target.bookings());

	private final Progress progress = new Progress(ledger, target.bookings(),
			Duration.ofSeconds(Long.getLong("progress", 10)));

	private final AtomicInteger remaining = new AtomicInteger(target.bookings());

	private final Duration bound = Duration.ofSeconds(target.seconds() > 0 ? target.seconds() : 900);

	private volatile long deadline = Long.MAX_VALUE;

	{
		System.out.printf("Burst: %,d bookings by %d clients as %d customers, at most %d s, rate limits as the "
				+ "service has them%n", target.bookings(), target.concurrency(), customers, bound.toSeconds());
		var burst = scenario("burst")
			.asLongAs(session -> System.nanoTime() - deadline < 0 && remaining.getAndDecrement() > 0)
			.on(exec(session -> {
				ledger.submitted.incrementAndGet();
				return session.set("key", UUID.randomUUID().toString()).set("startedAt", System.nanoTime())
					.remove("quoteId");
			})
				.feed(customerFeed)
				.exec(untilAnswered("quote", http("quote").post("/v1/quotes")
					.body(StringBody(s -> Bodies.booking(data.merchantId(), false)))
					.check(jsonPath("$.quoteId").optional().saveAs("quoteId"))))
				.doIf(session -> session.contains("quoteId"))
				.then(untilAnswered("book", http("book").post("/v1/orders")
					.body(StringBody("{\"quoteId\":\"#{quoteId}\"}"))
					.check(jsonPath("$.id").optional().saveAs("orderId")))));
		setUp(burst.injectOpen(atOnceUsers(target.concurrency())))
			.protocols(http.baseUrl(target.base()).acceptHeader("application/json").shareConnections());
	}

	@Override
	public void before() {
		deadline = System.nanoTime() + bound.toNanos();
		progress.start();
		tokens.renewEvery(Duration.ofSeconds(Long.getLong("tokenRenewal", 300)));
	}

	/** The request, sent again with the same key after each 429/503 (or lost answer) until answered for good. */
	private ChainBuilder untilAnswered(String step, HttpRequestActionBuilder request) {
		String keyed = step + ":#{key}";
		return exec(session -> session.set("attempt", 0).set("answered", false))
			.asLongAs(session -> !session.getBoolean("answered"))
			.on(exec(session -> session.removeAll("status", "contentType", "retryAfter", "orderId")
				.set("attempt", session.getInt("attempt") + 1))
				.exec(request.header("Authorization", session -> tokens.bearer(session.getInt("customer")))
					.header("Content-Type", "application/json").header("Idempotency-Key", keyed)
					.check(header("Retry-After").optional().saveAs("retryAfter"),
							header("Content-Type").optional().saveAs("contentType"), status().saveAs("status"),
							status().in(200, 201)))
				.exec(session -> recorded(step, session))
				.pause(session -> Duration.ofMillis(session.getLong("pauseMs"))));
	}

	private Session recorded(String step, Session session) {
		var answer = new Ledger.Answer(session.contains("status") ? session.getInt("status") : 0,
				session.getString("contentType"), session.getString("retryAfter"),
				step.equals("book") ? session.getString("orderId") : null);
		Ledger.Next next = ledger.record(step, UUID.fromString(session.getString("key")), answer,
				session.getInt("attempt"), MAX_ATTEMPTS);
		if (answer.orderId() != null && (answer.status() == 200 || answer.status() == 201)) {
			ledger.accepted((System.nanoTime() - session.getLong("startedAt")) / 1_000_000);
		}
		long pause = next == Ledger.Next.RETRY ? retryAfterMillis(answer.retryAfter()) : 0;
		return session.set("answered", next == Ledger.Next.DONE).set("pauseMs", pause);
	}

	private static long retryAfterMillis(String retryAfter) {
		long seconds = retryAfter == null ? 1 : Math.min(60, Math.max(1, Long.parseLong(retryAfter.trim())));
		return seconds * 1000;
	}

	@Override
	public void after() {
		progress.close();
		tokens.close();
		new BurstVerdict(ledger, target, data.merchantId(), Duration.ofMillis((long) (progress.seconds() * 1000)))
			.printAndWrite();
	}
}
