package com.returnit.dispatch;

import static com.returnit.support.StreamClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.StreamClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Operators assign, reassign and unassign orders by hand, keeping dispatch's invariants. */
class ManualDispatchTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private final List<Fixtures.Person> onShift = new ArrayList<>();

	/** Its drivers go home, so that no later test's order is offered to them (they are in the middle of Berlin). */
	@AfterEach
	void driversGoHome() {
		onShift.forEach(fixtures::offShift);
	}

	@Test
	void twentyConcurrentAssignsOfOneOrderToDifferentDriversLetExactlyOneWin() throws Exception {
		String orderId = scheduledOrder();
		List<Fixtures.Person> drivers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			drivers.add(driverOnShift("van", 40));
		}
		String operator = fixtures.operatorToken();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Response>> sent = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(20)) {
			for (Fixtures.Person driver : drivers) {
				Callable<Api.Response> assign = () -> {
					start.await();
					return assign(orderId, driver.id(), operator);
				};
				sent.add(pool.submit(assign));
			}
			start.countDown();
		}
		List<Api.Response> responses = sent.stream().map(ManualDispatchTests::get).toList();

		List<Api.Response> won = responses.stream().filter(r -> r.status() == 200).toList();
		assertThat(won).hasSize(1);
		assertThat(responses.stream().filter(r -> r.status() == 409)).hasSize(19)
			.allSatisfy(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
		String winner = won.get(0).text("driverId");
		assertThat(won.get(0).text("status")).isEqualTo("assigned");
		assertThat(jdbc.sql("SELECT driver_id::text FROM orders WHERE id = :o").param("o", UUID.fromString(orderId))
			.query(String.class).list()).containsExactly(winner);
		assertThat(audited(orderId, "dispatch.assigned")).isEqualTo(1);
		assertThat(api.get("/v1/orders/" + orderId, tokenOf(drivers, winner)).status()).isEqualTo(200);
	}

	@Test
	void reassigningMovesTheOrderTellsTheFirstDriversAppAndIsAuditedWithTheOperator() throws Exception {
		String orderId = scheduledOrder();
		Fixtures.Person first = driverOnShift("van", 40);
		Fixtures.Person second = driverOnShift("car", 10);
		String operator = fixtures.operatorToken();
		Api.Response assigned = assign(orderId, first.id(), operator);
		assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
		assertThat(assigned.text("dispatchStatus")).isEqualTo("assigned");

		Api.Response moved;
		JsonNode told;
		try (var stream = StreamClient.connect(port, first.token(), "")) {
			stream.subscribe(orderId);
			stream.await(type("subscribed"), Duration.ofSeconds(10));

			moved = api.post("/v1/dispatch/orders/" + orderId + "/reassign", operator,
					Map.of("driverId", second.id(), "fromDriverId", first.id()));

			// the assignment's own event may still be on its way (events go out after commit): the reassignment's is
			// the one naming the second driver
			told = stream.await(type("order.driver").and(event -> event.path("data").path("driverId").toString()
				.contains(second.id())), Duration.ofSeconds(10));
		}

		assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
		assertThat(moved.text("driverId")).isEqualTo(second.id());
		assertThat(moved.text("previousDriverId")).isEqualTo(first.id());
		assertThat(told.get("data").get("driverId").asString()).isEqualTo(second.id());
		assertThat(told.get("data").get("previousDriverId").asString()).isEqualTo(first.id());
		assertThat(api.get("/v1/orders/" + orderId, first.token()).status()).isEqualTo(404);
		assertThat(api.get("/v1/orders/" + orderId, second.token()).text("status")).isEqualTo("assigned");
		Map<String, Object> audit = jdbc.sql("""
				SELECT actor, detail->>'driver' AS driver, detail->>'previousDriver' AS previous FROM audit_events
				WHERE action = 'dispatch.reassigned' AND target_id = :o""").param("o", orderId).query().singleRow();
		String operatorId = jdbc.sql("SELECT id::text FROM accounts WHERE lower(email) = lower(:e)")
			.param("e", ADMIN_EMAIL).query(String.class).single();
		assertThat(audit).containsEntry("actor", "operator:" + operatorId).containsEntry("driver", second.id())
			.containsEntry("previous", first.id());

		Api.Response stale = api.post("/v1/dispatch/orders/" + orderId + "/reassign", operator,
				Map.of("driverId", first.id(), "fromDriverId", first.id()));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.text("code")).isEqualTo("driver_changed");
	}

	@Test
	void unassigningPutsTheOrderBackToScheduledForDispatchOrForAnOperator() {
		String operator = fixtures.operatorToken();
		String again = scheduledOrder();
		String waiting = scheduledOrder();
		Fixtures.Person driver = driverOnShift("van", 40);
		assign(again, driver.id(), operator);
		assign(waiting, driver.id(), operator);

		Api.Response redispatched = api.post("/v1/dispatch/orders/" + again + "/unassign", operator,
				Map.of("fromDriverId", driver.id()));
		Api.Response parked = api.post("/v1/dispatch/orders/" + waiting + "/unassign", operator,
				Map.of("redispatch", false));

		assertThat(redispatched.status()).as(redispatched.body().toString()).isEqualTo(200);
		assertThat(redispatched.text("status")).isEqualTo("scheduled");
		assertThat(redispatched.body().get("driverId").isNull()).isTrue();
		assertThat(redispatched.text("previousDriverId")).isEqualTo(driver.id());
		assertThat(redispatched.text("dispatchStatus")).isEqualTo("pending");
		assertThat(parked.text("dispatchStatus")).isEqualTo("unassigned");
		assertThat(api.get("/v1/orders/" + again, driver.token()).status()).isEqualTo(404);
		assertThat(api.get("/v1/orders/" + again, operator).text("status")).isEqualTo("scheduled");
		assertThat(api.get("/v1/dispatch/unassigned", operator).body().get("data").findValuesAsString("orderId"))
			.contains(waiting).doesNotContain(again);
		assertThat(audited(again, "dispatch.unassigned")).isEqualTo(1);
		assertThat(assign(again, driver.id(), operator).status()).as("assignable again").isEqualTo(200);
		assertThat(api.post("/v1/dispatch/orders/" + waiting + "/unassign", operator, Map.of()).status())
			.as("no driver to take it from").isEqualTo(409);
	}

	@Test
	void aDriverOffShiftOutOfRoomOrOnTheWrongVehicleIsRefused() {
		String operator = fixtures.operatorToken();
		String orderId = scheduledOrder();
		Fixtures.Person offShift = fixtures.driver();
		Fixtures.Person full = driverOnShift("van", 1);
		Fixtures.Person bike = driverOnShift("bike", 10);
		String threeItems = order(List.of(Fixtures.item("SKU-A", "tops", 1_000, false),
				Fixtures.item("SKU-B", "tops", 1_000, false), Fixtures.item("SKU-C", "tops", 1_000, false)));

		assertThat(assign(orderId, offShift.id(), operator).text("code")).isEqualTo("driver_off_shift");
		assertThat(assign(orderId, full.id(), operator).text("code")).isEqualTo("driver_over_capacity");
		Api.Response unfit = assign(threeItems, bike.id(), operator);
		assertThat(unfit.status()).isEqualTo(409);
		assertThat(unfit.text("code")).isEqualTo("vehicle_unfit");
		Api.Response unknown = assign(orderId, UUID.randomUUID().toString(), operator);
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("driverId");
		assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE id IN (:a, :b) AND driver_id IS NOT NULL")
			.param("a", UUID.fromString(orderId)).param("b", UUID.fromString(threeItems)).query(Long.class).single())
			.isZero();
	}

	@Test
	void badInputAndCallersOtherThanOperatorsGetProblems() {
		String orderId = scheduledOrder();
		Fixtures.Person driver = driverOnShift("van", 40);
		Fixtures.Person customer = fixtures.customer();
		String operator = fixtures.operatorToken();

		Api.Response noDriver = api.post("/v1/dispatch/orders/" + orderId + "/assign", operator, Map.of());
		Api.Response badPath = api.post("/v1/dispatch/orders/nope/assign", operator, Map.of("driverId", driver.id()));
		Api.Response unknownOrder = assign(UUID.randomUUID().toString(), driver.id(), operator);
		Api.Response byDriver = assign(orderId, driver.id(), driver.token());
		Api.Response byCustomer = assign(orderId, driver.id(), customer.token());
		Api.Response notAssigned = api.post("/v1/dispatch/orders/" + orderId + "/reassign", operator,
				Map.of("driverId", driver.id()));

		assertThat(noDriver.status()).isEqualTo(400);
		assertThat(noDriver.contentType()).startsWith("application/problem+json");
		assertThat(noDriver.body().get("errors").get(0).get("field").asString()).isEqualTo("driverId");
		assertThat(badPath.status()).isEqualTo(400);
		assertThat(unknownOrder.status()).isEqualTo(404);
		assertThat(byDriver.status()).isEqualTo(403);
		assertThat(byCustomer.status()).isEqualTo(403);
		assertThat(notAssigned.status()).isEqualTo(409);
		assertThat(api.get("/v1/orders/" + orderId, operator).text("status")).isEqualTo("scheduled");
	}

	@Test
	void anOperatorCancelsOnTheCustomersBehalfAndItIsAudited() {
		String orderId = scheduledOrder();

		Api.Response cancelled = api.post("/v1/orders/" + orderId + "/cancel", fixtures.operatorToken(),
				Map.of("reason", "customer called: not at home"));

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.text("status")).isEqualTo("cancelled");
		assertThat(audited(orderId, "order.cancelled_by_operator")).isEqualTo(1);
	}

	private Api.Response assign(String orderId, String driverId, String token) {
		return api.post("/v1/dispatch/orders/" + orderId + "/assign", token, Map.of("driverId", driverId));
	}

	private String scheduledOrder() {
		return fixtures.order(fixtures.customer(), fixtures.merchant("Dispatch shop " + UUID.randomUUID()));
	}

	private String order(List<Map<String, Object>> items) {
		Fixtures.MerchantRef merchant = fixtures.merchant("Dispatch shop " + UUID.randomUUID());
		Api.Response response = api.post("/v1/orders", fixtures.customer().token(),
				Fixtures.request(merchant.id(), items));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return response.text("id");
	}

	private Fixtures.Person driverOnShift(String vehicle, int capacity) {
		Fixtures.Person driver = fixtures.driver(vehicle, capacity);
		fixtures.onShiftAt(driver, 52.52, 13.40);
		onShift.add(driver);
		return driver;
	}

	private long audited(String orderId, String action) {
		return jdbc.sql("SELECT count(*) FROM audit_events WHERE action = :a AND target_id = :o")
			.param("a", action).param("o", orderId).query(Long.class).single();
	}

	private static String tokenOf(List<Fixtures.Person> drivers, String id) {
		return drivers.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow().token();
	}

	private static <T> T get(Future<T> future) {
		try {
			return future.get();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
