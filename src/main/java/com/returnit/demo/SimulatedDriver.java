package com.returnit.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * One simulated driver: on shift, pinging while moving, taking the offers it gets, driving to the pickup,
 * collecting every item, driving to the merchant's hub and delivering. Time runs {@code speedUp} times faster.
 */
final class SimulatedDriver implements Runnable {

	private static final double KMH = 30;
	private static final long TICK_MS = 2_000;

	private final DemoClient api;
	private final String email;
	private final String password;
	private final double speedUp;
	private final Random random;
	/** Each demo merchant's hub, by merchant id: an order goes to its own merchant's hub. */
	private final Map<String, Hub> hubs;
	private double lat;
	private double lng;
	private String token;
	private Instant tokenAt = Instant.EPOCH;

	/** Where a merchant receives its returns. */
	record Hub(String id, double lat, double lng) {
	}

	SimulatedDriver(DemoClient api, String email, String password, double[] start, Map<String, Hub> hubs,
			double speedUp, long seed) {
		this.api = api;
		this.email = email;
		this.password = password;
		this.lat = start[0];
		this.lng = start[1];
		this.hubs = Map.copyOf(hubs);
		this.speedUp = speedUp;
		this.random = new Random(seed);
	}

	@Override
	public void run() {
		try {
			api.post("/v1/drivers/me/shift/start", token(), Map.of());
			while (!Thread.currentThread().isInterrupted()) {
				JsonNode offers = api.get("/v1/drivers/me/offers", token()).body().path("data");
				if (!offers.isEmpty() && accept(offers.get(0))) {
					serve(offers.get(0));
				}
				else {
					wander();
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		finally {
			api.post("/v1/drivers/me/shift/end", token(), Map.of());
		}
	}

	private boolean accept(JsonNode offer) {
		return api.post("/v1/offers/" + offer.get("id").asString() + "/accept", token(), Map.of()).status() == 200;
	}

	private void serve(JsonNode offer) throws InterruptedException {
		String orderId = offer.get("orderId").asString();
		api.post("/v1/orders/" + orderId + "/en-route", token(), Map.of());
		JsonNode pickup = offer.get("pickup");
		driveTo(pickup.get("lat").asDouble(), pickup.get("lng").asDouble());
		List<Map<String, Object>> checks = new ArrayList<>();
		offer.get("items").forEach(item -> checks.add(Map.of("sku", item.get("sku").asString(), "verified", true,
				"condition", random.nextInt(5) == 0 ? "used" : "new")));
		api.post("/v1/orders/" + orderId + "/pickup", token(), Map.of("items", checks, "bagSeal",
				"DEMO-" + random.nextInt(100_000)));
		Hub hub = hubs.get(api.get("/v1/orders/" + orderId, token()).body().path("merchantId").asString(""));
		if (hub != null) {
			driveTo(hub.lat(), hub.lng());
			api.post("/v1/orders/" + orderId + "/deliver", token(), Map.of("hubId", hub.id()));
		}
	}

	private void wander() throws InterruptedException {
		step(lat + (random.nextDouble() - 0.5) * 0.004, lng + (random.nextDouble() - 0.5) * 0.006);
	}

	private void driveTo(double targetLat, double targetLng) throws InterruptedException {
		boolean arrived = false;
		while (!arrived && !Thread.currentThread().isInterrupted()) {
			arrived = step(targetLat, targetLng);
		}
	}

	/** Moves one tick towards the target and reports the position; true once there. */
	private boolean step(double targetLat, double targetLng) throws InterruptedException {
		Thread.sleep(TICK_MS);
		double kmPerTick = KMH * speedUp * TICK_MS / 3_600_000.0;
		double dLat = (targetLat - lat) * 111.32;
		double dLng = (targetLng - lng) * 111.32 * Math.cos(Math.toRadians(lat));
		double km = Math.hypot(dLat, dLng);
		boolean arrived = km <= kmPerTick;
		double fraction = arrived ? 1 : kmPerTick / km;
		lat += (targetLat - lat) * fraction;
		lng += (targetLng - lng) * fraction;
		api.post("/v1/drivers/me/locations", token(), Map.of("pings",
				List.of(Map.of("lat", lat, "lng", lng, "recordedAt", Instant.now().toString(), "speedMps",
						arrived ? 0 : KMH * speedUp / 3.6))));
		return arrived;
	}

	private String token() {
		if (Instant.now().isAfter(tokenAt.plusSeconds(600))) {
			token = api.login(email, password);
			tokenAt = Instant.now();
		}
		return token;
	}
}
