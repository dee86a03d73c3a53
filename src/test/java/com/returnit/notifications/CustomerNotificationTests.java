package com.returnit.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.SmsStub;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Customers hear of their pickup by email (through GreenMail, a real SMTP server) and SMS (through a local stand-in
 * for Twilio's API): booked, driver on the way with a working tracking link, picked up with what was checked, and a
 * failed pickup with a link to book again; each channel can be switched off.
 */
class CustomerNotificationTests extends EndToEndTest {

	private static final double LAT = 52.5290;
	private static final double LNG = 13.4010;
	private static final String PHONE = "+49 30 1234567";
	private static final GreenMail SMTP = started(new GreenMail(ServerSetupTest.SMTP.dynamicPort()));
	private static final SmsStub TWILIO = new SmsStub();
	private static final Pattern TRACKING = Pattern.compile("http://returnit\\.test(/track/[A-Za-z0-9_-]+)");

	private Fixtures.Person driver;

	@DynamicPropertySource
	static void notificationServers(DynamicPropertyRegistry registry) {
		registry.add("returnit.test.database", () -> "notifications");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("returnit.notifications.public-base-url", () -> "http://returnit.test");
		registry.add("returnit.notifications.poll-interval", () -> "100ms");
		registry.add("returnit.notifications.sms.provider", () -> "twilio");
		registry.add("returnit.notifications.sms.twilio.base-url", TWILIO::baseUrl);
		registry.add("returnit.notifications.sms.twilio.account-sid", () -> SmsStub.SID);
		registry.add("returnit.notifications.sms.twilio.auth-token", () -> SmsStub.TOKEN);
		registry.add("returnit.notifications.sms.twilio.from", () -> "+15005550006");
	}

	@AfterAll
	static void stopServers() {
		SMTP.stop();
		TWILIO.close();
	}

	@AfterEach
	void driverGoesHome() {
		if (driver != null) {
			fixtures.offShift(driver);
		}
	}

	@Test
	void theCustomerIsToldOfTheBookingTheDriverOnTheWayAndWhatWasPickedUp() throws Exception {
		var merchant = fixtures.merchant("Notifying Shop");
		driver = fixtures.driver();
		fixtures.onShiftAt(driver, LAT + 0.002, LNG);
		String email = "notified-" + UUID.randomUUID() + "@test.returnit.local";
		String orderId = book(merchant, email);

		MimeMessage booked = awaitEmail(email, "Your return pickup is booked");
		assertThat(body(booked)).contains("Morgan Merchantcustomer").contains("2 item(s)");
		await().atMost(Duration.ofSeconds(10)).until(() -> TWILIO.to(PHONE).stream()
			.anyMatch(s -> s.body().contains("booked")));

		String offer = fixtures.awaitOffer(driver).get("id").asString();
		assertThat(api.post("/v1/offers/" + offer + "/accept", driver.token(), "").status()).isEqualTo(200);
		assertThat(api.post("/v1/orders/" + orderId + "/en-route", driver.token(), "").status()).isEqualTo(200);
		MimeMessage onTheWay = awaitEmail(email, "Your driver is on the way");
		Matcher link = TRACKING.matcher(body(onTheWay));
		assertThat(link.find()).as(body(onTheWay)).isTrue();
		Api.Response tracked = api.get("/v1/public/tracking/" + link.group(1).substring("/track/".length()), null);
		assertThat(tracked.status()).as("the link in the email works").isEqualTo(200);
		assertThat(tracked.text("status")).isEqualTo("en_route");
		await().atMost(Duration.ofSeconds(10)).until(() -> TWILIO.to(PHONE).stream()
			.anyMatch(s -> s.body().contains(link.group())));

		api.post("/v1/orders/" + orderId + "/pickup", driver.token(), Map.of("items", List.of(
				Map.of("sku", "SKU-JACKET", "verified", true, "condition", "used"),
				Map.of("sku", "SKU-SHIRT", "verified", false, "condition", "damaged", "note", "Wrong shirt"))));
		String pickedUp = body(awaitEmail(email, "Your return was picked up"));
		assertThat(pickedUp).contains("A outerwear item (SKU-JACKET): collected, condition used")
			.contains("A tops item (SKU-SHIRT): refused, condition damaged (Wrong shirt)");
		await().atMost(Duration.ofSeconds(10)).until(() -> TWILIO.to(PHONE).stream()
			.anyMatch(s -> s.body().contains("1 item(s) collected, 1 refused")));
		assertThat(TWILIO.to(PHONE)).allSatisfy(s -> assertThat(s.from()).isEqualTo("+15005550006"));
	}

	@Test
	void aFailedPickupComesWithALinkToBookAgain() throws Exception {
		var merchant = fixtures.merchant("Failing Shop");
		driver = fixtures.driver();
		fixtures.onShiftAt(driver, LAT + 0.002, LNG);
		String email = "failed-" + UUID.randomUUID() + "@test.returnit.local";
		String orderId = book(merchant, email);
		String offer = fixtures.awaitOffer(driver).get("id").asString();
		api.post("/v1/offers/" + offer + "/accept", driver.token(), "");
		api.post("/v1/orders/" + orderId + "/en-route", driver.token(), "");

		Api.Response failed = api.post("/v1/orders/" + orderId + "/fail", driver.token(),
				Map.of("reason", "customer_absent", "note", "rang twice"));

		assertThat(failed.status()).as(failed.body().toString()).isEqualTo(200);
		String body = body(awaitEmail(email, "We could not pick up your return"));
		assertThat(body).contains("nobody was at home (rang twice)")
			.contains("http://returnit.test/book?rebook=" + orderId);
	}

	@Test
	void aCustomerWhoOptedOutOfEmailGetsOnlyTextMessagesRetriedUntilTwilioTakesThem() throws Exception {
		var merchant = fixtures.merchant("Quiet Shop");
		String phone = "+49 30 " + (1_000_000 + new java.util.Random().nextInt(8_000_000));
		String email = "quiet-" + UUID.randomUUID() + "@test.returnit.local";
		assertThat(api.post("/v1/customers", null, Map.of("email", email, "password", "customer-password-1", "name",
				"Quinn Quiet", "phone", phone)).status()).isEqualTo(201);
		String token = fixtures.login(email, "customer-password-1");
		Api.Response optOut = api.put("/v1/customers/me/notification-preferences", token,
				Map.of("email", false, "sms", true));
		assertThat(optOut.status()).isEqualTo(200);
		assertThat(api.get("/v1/customers/me/notification-preferences", token).body().get("email").asBoolean())
			.isFalse();
		TWILIO.failNext(1);
		Api.Response booked = api.post("/v1/orders", token, Fixtures.request(merchant.id()));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(15)).until(() -> !TWILIO.to(phone).isEmpty());

		assertThat(TWILIO.refused()).as("Twilio refused the first try; it was retried").isPositive();
		assertThat(TWILIO.to(phone)).hasSize(1);
		assertThat(Arrays.stream(SMTP.getReceivedMessages())
			.filter(m -> !subject(m).equals("Confirm your email for ReturnIt")) // about the account, not an order
			.map(CustomerNotificationTests::recipient))
			.doesNotContain(email);
	}

	@Test
	void preferencesNameTheMissingFieldAndBelongToCustomers() {
		Fixtures.Person customer = fixtures.customer();

		Api.Response missing = api.put("/v1/customers/me/notification-preferences", customer.token(), Map.of("email", true));
		Api.Response merchant = api.get("/v1/customers/me/notification-preferences",
				fixtures.merchant("Prefs Shop").apiKey());

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().get("errors").get(0).get("field").asString()).isEqualTo("sms");
		assertThat(merchant.status()).isEqualTo(403);
	}

	private String book(Fixtures.MerchantRef merchant, String email) {
		return book(merchant, email, PHONE);
	}

	private String book(Fixtures.MerchantRef merchant, String email, String phone) {
		var request = new java.util.HashMap<>(Fixtures.withCustomer(Fixtures.requestSoon(merchant.id(), List.of(
				Fixtures.item("SKU-JACKET", "outerwear", 12_900, true), Fixtures.item("SKU-SHIRT", "tops", 2_900, false))),
				email));
		request.put("customer", Map.of("name", "Morgan Merchantcustomer", "email", email, "phone", phone));
		Api.Response response = api.post("/v1/orders", merchant.apiKey(), request);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return response.text("id");
	}

	private static MimeMessage awaitEmail(String to, String subject) {
		return await().atMost(Duration.ofSeconds(15)).until(() -> Arrays.stream(SMTP.getReceivedMessages())
			.filter(m -> recipient(m).equals(to) && subject(m).equals(subject)).findFirst().orElse(null),
				java.util.Objects::nonNull);
	}

	private static String body(MimeMessage message) {
		return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("\r\n", "\n");
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static GreenMail started(GreenMail greenMail) {
		greenMail.start();
		return greenMail;
	}
}
