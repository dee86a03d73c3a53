package com.returnit.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.orders.Orders;
import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.JsonBody;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A merchant's admin downloads the month's statement as a PDF: read back with PDFBox's own text extraction, it names
 * the merchant and the month and carries every ledger line and the total, to the cent; support members may not.
 */
class StatementPdfDownloadTests extends EndToEndTest {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	/** One ledger line of the merchant's receivable account, read from the journal itself. */
	record LedgerLine(Instant occurredAt, String kind, UUID orderId, long amountCents) {
	}

	@Autowired
	Orders orders;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAdminsPdfStatementCarriesTheMerchantTheMonthEveryLedgerLineAndItsTotal() throws IOException {
		Fixtures.MerchantRef shop = merchantPayingItsFees("Müller & Søn Rückgaben", 250);
		var admin = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "admin");
		String picked = pickedUp(shop);
		String cancelled = cancelledLate(shop);
		String month = YearMonth.now(ZoneOffset.UTC).toString();
		String path = "/v1/merchants/" + shop.id() + "/statements/" + month;
		JsonNode json = await().atMost(Duration.ofSeconds(15))
			.until(() -> api.get(path, admin.token()).body(), s -> s.get("lines").size() == 2);
		List<LedgerLine> ledger = ledger(shop.id(), YearMonth.parse(month));
		assertThat(ledger).extracting(LedgerLine::orderId)
			.containsExactlyInAnyOrder(UUID.fromString(picked), UUID.fromString(cancelled));

		HttpResponse<byte[]> pdf = download(path, admin.token(), "application/pdf");

		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
			.isEqualTo("attachment; filename=\"statement-" + month + ".pdf\"");
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		String text = text(pdf.body());
		List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).toList();
		assertThat(lines).contains("Merchant: Müller & Søn Rückgaben", "Merchant id: " + shop.id());
		assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Month: " + month + " ("));
		List<String> rows = lines.stream().filter(line -> line.matches("^\\d{4}-\\d{2}-\\d{2} .*")).toList();
		assertThat(rows).hasSize(ledger.size());
		for (int i = 0; i < ledger.size(); i++) {
			LedgerLine line = ledger.get(i);
			assertThat(rows.get(i)).isEqualTo(TIME.format(line.occurredAt()) + " " + line.kind() + " "
					+ line.orderId() + " " + euros(line.amountCents()));
			assertThat(json.at("/lines/" + i + "/amountCents").asLong()).isEqualTo(line.amountCents());
		}
		long ledgerTotal = ledger.stream().mapToLong(LedgerLine::amountCents).sum();
		assertThat(ledgerTotal).isPositive().isEqualTo(json.get("totalCents").asLong());
		assertThat(lines).contains("Total " + euros(ledgerTotal));

		HttpResponse<byte[]> unasked = download(path, admin.token(), null);
		assertThat(unasked.headers().firstValue("Content-Type").orElseThrow()).as("JSON stays the default")
			.startsWith("application/json");
		HttpResponse<byte[]> csv = download(path, admin.token(), "text/csv");
		assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8))
			.contains(",total,," + ledgerTotal + ",EUR");
	}

	@Test
	void billingInEveryFormatIsForAdminsAndTheMerchantsOwn() {
		Fixtures.MerchantRef shop = fixtures.merchant("Billing Access Shop");
		Fixtures.MerchantRef other = fixtures.merchant("Other Billing Shop");
		var admin = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "admin");
		var support = fixtures.member(jdbc, shop.id(), admin.token(), "support");
		String path = "/v1/merchants/" + shop.id() + "/statements/" + YearMonth.now(ZoneOffset.UTC);

		for (String type : List.of("application/pdf", "text/csv", "application/json")) {
			HttpResponse<byte[]> bySupport = download(path, support.token(), type);
			assertThat(bySupport.statusCode()).as(type).isEqualTo(403);
			assertThat(bySupport.headers().firstValue("Content-Type").orElseThrow()).as(type)
				.startsWith("application/problem+json");
			assertThat(download(path, admin.token(), type).statusCode()).as(type).isEqualTo(200);
			assertThat(download(path, shop.apiKey(), type).statusCode()).as(type).isEqualTo(200);
			assertThat(download(path, other.apiKey(), type).statusCode()).as(type).isEqualTo(404);
		}
		HttpResponse<byte[]> empty = download(path, shop.apiKey(), "application/pdf");
		assertThat(text(empty.body())).contains("Merchant: Billing Access Shop").contains("Total 0.00 EUR");
		HttpResponse<byte[]> badMonth = download("/v1/merchants/" + shop.id() + "/statements/2026-13", shop.apiKey(),
				"application/pdf");
		assertThat(badMonth.statusCode()).isEqualTo(400);
		assertThat(Api.JSON.readTree(badMonth.body()).at("/errors/0/field").asString()).isEqualTo("month");
		HttpResponse<byte[]> theirs = download("/v1/merchants/" + other.id() + "/statements/2026-01", admin.token(),
				"application/pdf");
		assertThat(theirs.statusCode()).isEqualTo(404);
		assertThat(theirs.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	private Fixtures.MerchantRef merchantPayingItsFees(String name, long feeCents) {
		fixtures.berlinServiceArea();
		Api.Response created = api.post("/v1/merchants", fixtures.operatorToken(),
				JsonBody.of(Fixtures.merchantBody(name)).with("billing", "merchant_pays")
					.with("returnPolicy.lateCancellationFeeCents", feeCents).toString());
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return new Fixtures.MerchantRef(created.text("id"), created.body().get("apiKey").get("secret").asString());
	}

	private String pickedUp(Fixtures.MerchantRef shop) {
		Fixtures.Person customer = fixtures.customer();
		String orderId = fixtures.order(customer, shop);
		Fixtures.Person driver = fixtures.driver();
		orders.assign(UUID.fromString(orderId), UUID.fromString(driver.id()));
		fixtures.pickUp(driver, orderId);
		return orderId;
	}

	private String cancelledLate(Fixtures.MerchantRef shop) {
		Fixtures.Person customer = fixtures.customer();
		Api.Response booked = api.post("/v1/orders", customer.token(), Fixtures.requestSoon(shop.id(),
				List.of(Fixtures.item("SKU-SCARF", "accessories", 2_500, false))));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		Api.Response cancel = api.post("/v1/orders/" + booked.text("id") + "/cancel", customer.token(),
				Map.of("reason", "Not home after all"));
		assertThat(cancel.status()).as(cancel.body().toString()).isEqualTo(200);
		return booked.text("id");
	}

	private List<LedgerLine> ledger(String merchantId, YearMonth month) {
		return jdbc.sql("""
				SELECT e.occurred_at, e.kind, e.order_id, l.amount_cents
				FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
				WHERE l.account = :account AND e.occurred_at >= :from AND e.occurred_at < :to
				ORDER BY e.occurred_at, e.id""")
			.param("account", "merchant_receivable:" + merchantId)
			.param("from", java.sql.Timestamp.from(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
			.param("to", java.sql.Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
			.query((rs, n) -> new LedgerLine(rs.getTimestamp(1).toInstant(), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getLong(4)))
			.list();
	}

	private static String euros(long cents) {
		return BigDecimal.valueOf(cents, 2).toPlainString() + " EUR";
	}

	static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private HttpResponse<byte[]> download(String path, String token, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET();
		if (accept != null) {
			request.header("Accept", accept);
		}
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
