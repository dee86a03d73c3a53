package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The merchant's returns as CSV (issue 16): the filtered list, one row per order, formulas defused, streamed from a
 * database cursor so that 100,000 orders take no more memory than a few.
 */
class OrderExportTests extends EndToEndTest {

	static final String HEADER = "order_id,created_at,status,customer_name,customer_email,merchant_order_ref,items,"
			+ "price_cents,currency,window_start,window_end,picked_up_at,delivered_at";

	/** What the export may hold on the heap while it streams, far below the 20+ MB of the CSV of 100,000 orders. */
	static final long HEAP_BOUND = 16L * 1024 * 1024;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theExportIsTheFilteredListAsCsvWithFormulasDefused() {
		var shop = fixtures.merchant("Exported Returns " + UUID.randomUUID());
		var other = fixtures.merchant("Other Exports " + UUID.randomUUID());
		Fixtures.Person tricky = customer("=HYPERLINK(\"http://evil.example\",\"Click\"), Esq.");
		Fixtures.Person plain = customer("Plain Person");
		String trickyOrder = fixtures.order(tricky, shop, "@REF-7");
		String plainOrder = fixtures.order(plain, shop, "MO-PLAIN");
		fixtures.order(plain, other, "MO-OTHER");
		String today = LocalDate.now(ZoneOffset.UTC).toString();

		Api.Response all = api.get("/v1/orders/export.csv", shop.apiKey());
		assertThat(all.status()).as(all.body().toString()).isEqualTo(200);
		assertThat(all.contentType()).isEqualToIgnoringCase("text/csv;charset=utf-8");
		assertThat(all.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"returns-all-" + today + ".csv\"");
		List<List<String>> rows = parse(all.raw().body());
		assertThat(String.join(",", rows.getFirst())).isEqualTo(HEADER);
		assertThat(rows).hasSize(3);
		List<String> newest = rows.get(1);
		assertThat(newest.get(0)).isEqualTo(plainOrder);
		assertThat(newest.subList(2, 7)).containsExactly("scheduled", "Plain Person", plain.email(), "MO-PLAIN",
				"SKU-JACKET; SKU-SHIRT");
		JsonOrder booked = order(shop.apiKey(), plainOrder);
		assertThat(newest.subList(7, 9)).containsExactly(booked.priceCents(), "EUR");
		assertThat(newest.get(1)).isEqualTo(booked.createdAt());
		assertThat(newest.subList(9, 13)).containsExactly(booked.windowStart(), booked.windowEnd(), "", "");
		List<String> defused = rows.get(2);
		assertThat(defused.get(0)).isEqualTo(trickyOrder);
		assertThat(defused.get(3)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Click\"), Esq.");
		assertThat(defused.get(5)).isEqualTo("'@REF-7");
		assertThat(all.raw().body()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\"), Esq.\"");

		Api.Response filtered = api.get("/v1/orders/export.csv?from=" + today + "&to=" + today
				+ "&customer=plain&merchantOrderRef=MO-PLAIN", shop.apiKey());
		assertThat(filtered.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"returns-" + today + "-" + today + ".csv\"");
		assertThat(parse(filtered.raw().body())).extracting(row -> row.getFirst()).containsExactly("order_id",
				plainOrder);
		assertThat(parse(api.get("/v1/orders/export.csv?to=" + LocalDate.parse(today).minusDays(1), shop.apiKey())
			.raw().body())).hasSize(1);

		Fixtures.Member support = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "support");
		assertThat(parse(api.get("/v1/orders/export.csv", support.token()).raw().body())).hasSize(3);
		assertThat(parse(api.get("/v1/orders/export.csv?customer=" + plain.email(), other.apiKey()).raw().body()))
			.extracting(row -> row.get(5)).containsExactly("merchant_order_ref", "MO-OTHER");
		Api.Response byCustomer = api.get("/v1/orders/export.csv", plain.token());
		assertThat(byCustomer.status()).isEqualTo(403);
		assertThat(byCustomer.contentType()).startsWith("application/problem+json");
		Api.Response bad = api.get("/v1/orders/export.csv?from=2026-11-30&to=2026-11-01", shop.apiKey());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().at("/errors/0/field").asString()).isEqualTo("to");
	}

	@Test
	void anExportOfAHundredThousandOrdersStreamsInTheMemoryOfAFew() throws Exception {
		var shop = fixtures.merchant("Bulk Exports " + UUID.randomUUID());
		int inserted = 0;
		for (int chunk = 0; chunk < 10; chunk++) {
			inserted += jdbc.sql("""
				INSERT INTO orders (id, merchant_id, customer_id, status, pickup_address, pickup_lat, pickup_lng,
				  window_start, window_end, items, amount_cents, currency, policy_version, created_at, updated_at, version,
				  customer_name, customer_email, merchant_order_ref)
				SELECT gen_random_uuid(), :merchant, gen_random_uuid(), 'delivered', 'Torstrasse 1, 10119 Berlin',
				  52.529, 13.401, now() - n * interval '1 minute', now() - n * interval '1 minute' + interval '2 hours',
				  jsonb_build_array(jsonb_build_object('sku', 'SKU-' || n, 'description', 'A bulk item',
				    'category', 'tops', 'valueCents', 2900, 'merchantOrderRef', 'BULK-' || n)),
				  2900, 'EUR', 1, now() - n * interval '1 minute', now(), 0,
				  'Bulk Customer ' || n, 'bulk-' || n || '@test.returnit.local', 'BULK-' || n
				FROM generate_series(:first, :first + 9999) AS n""").param("merchant", UUID.fromString(shop.id()))
				.param("first", chunk * 10_000 + 1).update();
		}
		assertThat(inserted).isEqualTo(100_000);
		try {
			Download download = downloadMeasuringHeap(shop.apiKey());

			System.out.printf("export of 100,000 orders: %,d bytes in %s; heap baseline %,d; live heap above it at "
					+ "most %,d bytes (after GC, while streaming); raw used heap above it at most %,d bytes%n",
					download.bytes(), download.took(), download.baseline(), download.maxLiveAbove(),
					download.maxRawAbove());
			assertThat(download.rows()).isEqualTo(100_000);
			assertThat(download.bytes()).as("the CSV itself would not fit under the bound")
				.isGreaterThan(HEAP_BOUND + HEAP_BOUND / 4);
			assertThat(download.maxLiveAbove()).as("heap the export holds while it streams").isLessThan(HEAP_BOUND);
		}
		finally {
			// the other tests share this database: the bulk goes again (foreign keys checked per row: no time limit)
			new TransactionTemplate(transactions).executeWithoutResult(tx -> {
				jdbc.sql("SET LOCAL statement_timeout = 0").update();
				jdbc.sql("DELETE FROM orders WHERE merchant_id = :merchant").param("merchant", UUID.fromString(shop.id()))
					.update();
			});
		}
	}

	/** What a download measured: rows, bytes, time, and the heap of this JVM (which runs the service) above its start. */
	record Download(long rows, long bytes, Duration took, long baseline, long maxLiveAbove, long maxRawAbove) {
	}

	/**
	 * Reads the export line by line; every 10,000 lines it stops reading (so the service, blocked on the socket, holds
	 * whatever it holds for the rest), collects garbage and samples the live heap. A sampler thread records the raw
	 * heap in use meanwhile.
	 */
	private Download downloadMeasuringHeap(String apiKey) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long baseline = memory.getHeapMemoryUsage().getUsed();
		AtomicLong maxRaw = new AtomicLong(baseline);
		AtomicBoolean done = new AtomicBoolean();
		Thread sampler = Thread.ofPlatform().daemon().start(() -> {
			while (!done.get()) {
				maxRaw.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
		long maxLive = 0;
		long rows = -1;
		long bytes = 0;
		Instant start = Instant.now();
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<java.io.InputStream> response = client.send(
				HttpRequest.newBuilder(URI.create(api.base() + "/v1/orders/export.csv"))
					.header("Authorization", "Bearer " + apiKey).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				rows++;
				bytes += line.getBytes(StandardCharsets.UTF_8).length + 2;
				if (rows % 10_000 == 0) {
					System.gc();
					maxLive = Math.max(maxLive, memory.getHeapMemoryUsage().getUsed() - baseline);
				}
			}
		}
		finally {
			done.set(true);
			sampler.join();
		}
		return new Download(rows, bytes, Duration.between(start, Instant.now()), baseline, maxLive,
				maxRaw.get() - baseline);
	}

	record JsonOrder(String createdAt, String windowStart, String windowEnd, String priceCents) {
	}

	private JsonOrder order(String token, String id) {
		var body = api.get("/v1/orders/" + id, token).body();
		return new JsonOrder(body.get("createdAt").asString(), body.at("/window/start").asString(),
				body.at("/window/end").asString(), String.valueOf(body.at("/price/amountCents").asLong()));
	}

	/** RFC 4180 as a spreadsheet reads it: quoted cells may hold commas, doubled quotes and line breaks. */
	static List<List<String>> parse(String csv) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i++;
			}
			else {
				cell.append(c);
			}
		}
		return rows;
	}

	private Fixtures.Person customer(String name) {
		String email = "export-" + UUID.randomUUID() + "@test.returnit.local";
		Api.Response response = api.post("/v1/customers", null,
				Map.of("email", email, "password", "customer-password-1", "name", name));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return new Fixtures.Person(response.text("id"), email, fixtures.login(email, "customer-password-1"));
	}
}
