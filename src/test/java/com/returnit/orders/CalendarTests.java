package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.JsonBody;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The pickup as a calendar file: parsed back line by line as a calendar app would, its fields are the order's, its
 * text escaped and its long lines folded.
 */
class CalendarTests extends EndToEndTest {

	private static final String MERCHANT = "Müller & Söhne Outdoor-Ausrüstung für Berg, Tal; und Stadt";
	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	@Test
	void theCalendarFileHasOneEventWithTheWindowTheAddressAndTheMerchant() {
		Fixtures.MerchantRef merchant = merchant();
		var customer = fixtures.customer();
		String request = JsonBody.of(Fixtures.request(merchant.id())).with("pickup.address", Doorstep.ADDRESS).toString();
		JsonNode order = api.post("/v1/orders", customer.token(), request).body();
		String orderId = order.get("id").asString();

		Api.Response answer = api.send("GET", "/v1/orders/" + orderId + "/calendar.ics", customer.token(), null,
				"Accept", "text/calendar");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType().toLowerCase().replace(" ", "")).isEqualTo("text/calendar;charset=utf-8");
		assertThat(answer.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"returnit-pickup-" + orderId.substring(0, 8) + ".ics\"");
		String raw = answer.raw().body();
		List<String> physical = Arrays.asList(raw.split("\r\n", -1));
		assertThat(physical.getLast()).as("every line ends with CRLF").isEmpty();
		assertThat(physical).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
			.as(line).isLessThanOrEqualTo(75));
		assertThat(physical).as("long lines are folded").anyMatch(line -> line.startsWith(" "));
		assertThat(raw).as("no bare line feeds").doesNotContain("\n\n").matches("(?s)[^\n]*(\r\n[^\n]*)*");

		List<String> lines = unfold(raw);
		assertThat(lines.subList(0, 2)).containsExactly("BEGIN:VCALENDAR", "VERSION:2.0");
		assertThat(lines).filteredOn(l -> l.equals("BEGIN:VEVENT")).hasSize(1);
		Map<String, String> event = properties(lines);
		assertThat(event.get("UID")).isEqualTo(orderId + "@returnit");
		assertThat(event.get("DTSTART")).isEqualTo(UTC.format(Instant.parse(order.get("window").get("start").asString())));
		assertThat(event.get("DTEND")).isEqualTo(UTC.format(Instant.parse(order.get("window").get("end").asString())));
		assertThat(event.get("DTSTAMP")).matches("\\d{8}T\\d{6}Z");
		assertThat(event.get("SUMMARY")).isEqualTo("Return pickup: 2 item(s) for "
				+ MERCHANT.replace(",", "\\,").replace(";", "\\;"));
		assertThat(event.get("LOCATION")).isEqualTo("Hinterhof 3\\; Aufgang B\\, Bahnhofstr. 1\\, 12555 Berlin");
		assertThat(unescape(event.get("LOCATION"))).isEqualTo(Doorstep.ADDRESS);
		assertThat(unescape(event.get("SUMMARY"))).isEqualTo("Return pickup: 2 item(s) for " + MERCHANT);
		// the booking confirmation makes the order's tracking link; before it ran, the order id alone
		assertThat(unescape(event.get("DESCRIPTION"))).endsWith("ReturnIt order " + orderId);
		assertThat(event.get("STATUS")).isEqualTo("CONFIRMED");
	}

	@Test
	void onceTheOrderHasATrackingLinkTheEventCarriesItAndACancelledPickupIsACancelledEvent() {
		Fixtures.MerchantRef merchant = merchant();
		var customer = fixtures.customer();
		String orderId = fixtures.order(customer, merchant);
		String path = api.get("/v1/orders/" + orderId + "/tracking-link", customer.token()).text("url");

		Map<String, String> event = properties(unfold(
				api.get("/v1/orders/" + orderId + "/calendar.ics", customer.token()).raw().body()));
		assertThat(unescape(event.get("DESCRIPTION")))
			.isEqualTo("Track the pickup: http://localhost:8080" + path + "\nReturnIt order " + orderId);
		assertThat(event.get("DESCRIPTION")).as("the line break escaped").contains("\\n");

		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "Kept it"));
		Map<String, String> cancelled = properties(unfold(
				api.get("/v1/orders/" + orderId + "/calendar.ics", customer.token()).raw().body()));
		assertThat(cancelled.get("STATUS")).isEqualTo("CANCELLED");
		assertThat(Integer.parseInt(cancelled.get("SEQUENCE"))).isGreaterThan(Integer.parseInt(event.get("SEQUENCE")));
	}

	@Test
	void anotherCustomersOrderHasNoCalendarFile() {
		Fixtures.MerchantRef merchant = merchant();
		String orderId = fixtures.order(fixtures.customer(), merchant);
		String stranger = fixtures.customer().token();

		Api.Response refused = api.send("GET", "/v1/orders/" + orderId + "/calendar.ics", stranger, null, "Accept",
				"text/calendar");

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(api.get("/v1/orders/" + orderId + "/calendar.ics", merchant.apiKey()).status())
			.as("the merchant sees its order").isEqualTo(200);
		assertThat(api.get("/v1/orders/" + orderId + "/calendar.ics", null).status()).isEqualTo(401);
	}

	private Fixtures.MerchantRef merchant() {
		return fixtures.merchant(MERCHANT);
	}

	/** RFC 5545 3.1: a CRLF followed by one space or tab is removed. */
	private static List<String> unfold(String raw) {
		String unfolded = raw.replace("\r\n ", "").replace("\r\n\t", "");
		return Arrays.stream(unfolded.split("\r\n")).filter(line -> !line.isEmpty()).toList();
	}

	/** The VEVENT's properties by name (no parameters are used). */
	private static Map<String, String> properties(List<String> lines) {
		Map<String, String> event = new LinkedHashMap<>();
		boolean inEvent = false;
		for (String line : lines) {
			if (line.equals("BEGIN:VEVENT")) {
				inEvent = true;
			}
			else if (line.equals("END:VEVENT")) {
				inEvent = false;
			}
			else if (inEvent) {
				int colon = line.indexOf(':');
				event.put(line.substring(0, colon), line.substring(colon + 1));
			}
		}
		return event;
	}

	private static String unescape(String text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char next = text.charAt(++i);
				out.append(next == 'n' || next == 'N' ? '\n' : next);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}
}
