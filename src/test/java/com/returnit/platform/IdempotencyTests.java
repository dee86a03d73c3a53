package com.returnit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IdempotencyTests extends EndToEndTest {

	@Autowired
	DataSource dataSource;

	@Test
	void fiftyConcurrentRequestsWithOneKeyCreateExactlyOneOrder() throws Exception {
		var merchant = fixtures.merchant("Idem Concurrent");
		var customer = fixtures.customer();
		String key = UUID.randomUUID().toString();
		var body = Fixtures.request(merchant.id());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Response>> responses = new ArrayList<>();

		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 50; i++) {
				responses.add(pool.submit(() -> {
					start.await();
					return api.post("/v1/orders", customer.token(), body, "Idempotency-Key", key);
				}));
			}
			start.countDown();
		}

		List<Integer> statuses = new ArrayList<>();
		List<String> createdIds = new ArrayList<>();
		for (Future<Api.Response> f : responses) {
			Api.Response r = f.get();
			statuses.add(r.status());
			if (r.status() == 201) {
				createdIds.add(r.text("id"));
			}
		}
		assertThat(statuses).allMatch(s -> s == 201 || s == 409);
		assertThat(createdIds).isNotEmpty().allMatch(id -> id.equals(createdIds.getFirst()));
		assertThat(api.get("/v1/orders?limit=100", customer.token()).body().get("data")).hasSize(1);
	}

	@Test
	void theSameKeyAndBodyReplayTheFirstAnswer() {
		var merchant = fixtures.merchant("Idem Replay");
		var customer = fixtures.customer();
		var body = Fixtures.request(merchant.id());

		Api.Response first = api.post("/v1/orders", customer.token(), body, "Idempotency-Key", "replay-1");
		Api.Response second = api.post("/v1/orders", customer.token(), body, "Idempotency-Key", "replay-1");

		assertThat(second.status()).isEqualTo(201);
		assertThat(second.raw().body()).isEqualTo(first.raw().body());
		assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(api.get("/v1/orders", customer.token()).body().get("data")).hasSize(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefused() {
		var merchant = fixtures.merchant("Idem Mismatch");
		var customer = fixtures.customer();
		api.post("/v1/orders", customer.token(), Fixtures.request(merchant.id()), "Idempotency-Key", "mismatch-1");

		Api.Response other = api.post("/v1/orders", customer.token(),
				Fixtures.request(merchant.id(), List.of(Fixtures.item("OTHER", "tops", 100, true))),
				"Idempotency-Key", "mismatch-1");

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.contentType()).startsWith("application/problem+json");
	}

	@Test
	void keysAreScopedToTheCaller() {
		var merchant = fixtures.merchant("Idem Scope");
		var alice = fixtures.customer();
		var bob = fixtures.customer();

		Api.Response a = api.post("/v1/orders", alice.token(), Fixtures.request(merchant.id()), "Idempotency-Key", "shared");
		Api.Response b = api.post("/v1/orders", bob.token(), Fixtures.request(merchant.id()), "Idempotency-Key", "shared");

		assertThat(a.status()).isEqualTo(201);
		assertThat(b.status()).isEqualTo(201);
		assertThat(b.text("id")).isNotEqualTo(a.text("id"));
		assertThat(b.text("customerId")).isEqualTo(bob.id());
	}

	@Test
	void aRefusedRequestIsReplayedAsRefused() {
		var merchant = fixtures.merchant("Idem Refusal");
		var customer = fixtures.customer();
		var ineligible = Fixtures.request(merchant.id(), List.of(Fixtures.item("BRA", "underwear", 100, true)));

		Api.Response first = api.post("/v1/orders", customer.token(), ineligible, "Idempotency-Key", "refused-1");
		Api.Response again = api.post("/v1/orders", customer.token(), ineligible, "Idempotency-Key", "refused-1");

		assertThat(first.status()).isEqualTo(422);
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.raw().body()).isEqualTo(first.raw().body());
		assertThat(again.contentType()).startsWith("application/problem+json");
	}


	@Test
	void aRetryOfARequestWhoseNodeDiedRunsWithinSecondsInsteadOfWaitingForTheClaimToExpire() {
		var merchant = fixtures.merchant("Idem Dead Node");
		var customer = fixtures.customer();
		var body = Fixtures.request(merchant.id());
		api.post("/v1/orders", customer.token(), body, "Idempotency-Key", "first-of-" + customer.id());
		claimedBySomeoneElse("first-of-" + customer.id(), "dead-node-" + customer.id());

		Api.Response retry = api.post("/v1/orders", customer.token(), body, "Idempotency-Key", "dead-node-" + customer.id());

		assertThat(retry.status()).as("the claim is not locked: its request is not running anywhere").isEqualTo(201);
		assertThat(api.get("/v1/orders?limit=100", customer.token()).body().get("data")).hasSize(2);
	}

	@Test
	void aRetryOfARequestStillRunningOnAnotherNodeIsToldToWait() throws Exception {
		var merchant = fixtures.merchant("Idem Running");
		var customer = fixtures.customer();
		var body = Fixtures.request(merchant.id());
		api.post("/v1/orders", customer.token(), body, "Idempotency-Key", "first-of-" + customer.id());
		String key = "running-" + customer.id();
		claimedBySomeoneElse("first-of-" + customer.id(), key);

		try (Connection owner = dataSource.getConnection()) {
			owner.setAutoCommit(false);
			try (var lock = owner.prepareStatement("SELECT 1 FROM idempotency_keys WHERE key = ? FOR UPDATE")) {
				lock.setString(1, key);
				lock.executeQuery();
			}
			Api.Response whileRunning = api.post("/v1/orders", customer.token(), body, "Idempotency-Key", key);
			assertThat(whileRunning.status()).isEqualTo(409);
			assertThat(whileRunning.header("Retry-After")).isEqualTo("1");
			owner.rollback();
		}
		Api.Response afterItDied = api.post("/v1/orders", customer.token(), body, "Idempotency-Key", key);
		assertThat(afterItDied.status()).isEqualTo(201);
	}

	@Test
	void aKeyIsHeldOnlyByItsRunningTransactionSoARetryRunsAtOnceAfterTheNodeRunningItDied() throws Exception {
		var merchant = fixtures.merchant("Idem Held");
		var customer = fixtures.customer();
		var body = Fixtures.request(merchant.id());
		api.post("/v1/orders", customer.token(), body, "Idempotency-Key", "first-of-" + customer.id());
		String scope = JdbcClient.create(dataSource).sql("SELECT scope FROM idempotency_keys WHERE key = :key")
			.param("key", "first-of-" + customer.id()).query(String.class).single();
		String key = "held-" + customer.id();

		try (Connection node = dataSource.getConnection()) {
			node.setAutoCommit(false);
			// what a node does first with a keyed request, in the request's transaction (ADR 0053)
			try (var begin = node.prepareStatement("""
					SELECT pg_advisory_xact_lock(hashtextextended(?, 0));
					INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at, claim_token)
					VALUES (?, ?, '\\x00', 'in_flight', now(), gen_random_uuid())""")) {
				begin.setString(1, "idempotency:" + scope.length() + ":" + scope + ":" + key);
				begin.setString(2, scope);
				begin.setString(3, key);
				begin.execute();
			}
			Api.Response whileRunning = api.post("/v1/orders", customer.token(), body, "Idempotency-Key", key);
			assertThat(whileRunning.status()).as("the key's request is running on another node").isEqualTo(409);
			assertThat(whileRunning.header("Retry-After")).isEqualTo("1");
			node.rollback(); // the node died: PostgreSQL ends its transaction, and nothing of the claim is left
		}
		assertThat(JdbcClient.create(dataSource).sql("SELECT count(*) FROM idempotency_keys WHERE key = :key")
			.param("key", key).query(Integer.class).single()).isZero();
		Api.Response retry = api.post("/v1/orders", customer.token(), body, "Idempotency-Key", key);
		assertThat(retry.status()).as("no claim to wait out").isEqualTo(201);
		assertThat(api.get("/v1/orders?limit=100", customer.token()).body().get("data")).hasSize(2);
	}

	/** A claim of {@code key} for the same caller and request as {@code completedKey}, made 10 s ago by another node. */
	private void claimedBySomeoneElse(String completedKey, String key) {
		JdbcClient.create(dataSource).sql("""
				INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at, claim_token)
				SELECT scope, :key, request_hash, 'in_flight', now() - interval '10 seconds', gen_random_uuid()
				FROM idempotency_keys WHERE key = :completed""")
			.param("key", key).param("completed", completedKey).update();
	}
}
