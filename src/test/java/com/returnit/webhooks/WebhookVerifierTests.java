package com.returnit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The verifier merchants use accepts what we sign and refuses 1,000 tampered, replayed and skewed messages: the
 * fixtures are made by the same code path that signs deliveries ({@link WebhookVerifier#sign}), then spoiled.
 */
class WebhookVerifierTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
	private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
	private static final String OTHER_SECRET = "whsec_" + Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

	record Message(String kind, String id, String timestamp, String signature, String body) {
	}

	private final Random random = new Random(5);
	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void aThousandTamperedReplayedOrSkewedMessagesAreAllRefused() {
		List<Message> bad = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			bad.add(spoiled(i % 10, valid(i)));
		}
		WebhookVerifier verifier = new WebhookVerifier(SECRET, clock).rememberingIds();
		List<Message> replays = new ArrayList<>();
		for (Message m : bad) {
			if (m.kind().equals("replayed")) {
				verifier.verify(m.id(), m.timestamp(), m.signature(), m.body());
				replays.add(m);
			}
		}

		long accepted = bad.stream().filter(m -> accepts(verifier, m)).count();

		assertThat(bad).hasSize(1000);
		assertThat(bad.stream().map(Message::kind).distinct()).hasSize(10);
		assertThat(replays).hasSize(100);
		assertThat(accepted).as("spoiled messages accepted").isZero();
	}

	@Test
	void validMessagesAreAcceptedIncludingTwoSignaturesAndFourMinutesOfSkew() {
		WebhookVerifier verifier = new WebhookVerifier(SECRET, clock).rememberingIds();
		List<Message> valid = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			Message m = valid(i);
			long skew = random.nextLong(-299, 300);
			String ts = Long.toString(NOW.getEpochSecond() + skew);
			String signature = sign(SECRET, m.id(), ts, m.body());
			if (i % 2 == 0) {
				signature = sign(OTHER_SECRET, m.id(), ts, m.body()) + " " + signature;
			}
			valid.add(new Message("valid", m.id(), ts, signature, m.body()));
		}

		for (Message m : valid) {
			assertThatCode(() -> verifier.verify(m.id(), m.timestamp(), m.signature(), m.body())).doesNotThrowAnyException();
		}
	}

	private Message valid(int i) {
		String id = "evt_" + Long.toHexString(random.nextLong());
		String body = "{\"id\":\"" + id + "\",\"type\":\"order.scheduled\",\"createdAt\":\"2026-11-22T09:59:00Z\","
				+ "\"data\":{\"orderId\":\"o-" + i + "\",\"amount\":" + random.nextInt(100_000) + "},\"sequence\":" + (i + 1) + "}";
		String ts = Long.toString(NOW.getEpochSecond() - random.nextInt(60));
		return new Message("valid", id, ts, sign(SECRET, id, ts, body), body);
	}

	private Message spoiled(int kind, Message m) {
		long now = NOW.getEpochSecond();
		return switch (kind) {
			case 0 -> new Message("body changed", m.id(), m.timestamp(), m.signature(), flipOne(m.body()));
			case 1 -> new Message("id changed", m.id() + "x", m.timestamp(), m.signature(), m.body());
			case 2 -> new Message("timestamp changed", m.id(), Long.toString(Long.parseLong(m.timestamp()) + 1 + random.nextInt(200)), m.signature(), m.body());
			case 3 -> new Message("other secret", m.id(), m.timestamp(), sign(OTHER_SECRET, m.id(), m.timestamp(), m.body()), m.body());
			case 4 -> new Message("signature changed", m.id(), m.timestamp(), "v1," + flipBase64(m.signature().substring(3)), m.body());
			case 5 -> new Message("wrong version", m.id(), m.timestamp(), "v1a," + m.signature().substring(3), m.body());
			case 6 -> skewed("too old", m, now - 301 - random.nextInt(86_400));
			case 7 -> skewed("from the future", m, now + 301 + random.nextInt(86_400));
			case 8 -> new Message("replayed", m.id(), m.timestamp(), m.signature(), m.body());
			default -> new Message("garbled header", m.id(), random.nextBoolean() ? "yesterday" : m.timestamp(),
					random.nextBoolean() ? "" : "v1,not*base64", m.body());
		};
	}

	/** Correctly signed, but outside the five minutes: an old message replayed, or a clock far off. */
	private Message skewed(String kind, Message m, long timestamp) {
		String ts = Long.toString(timestamp);
		return new Message(kind, m.id(), ts, sign(SECRET, m.id(), ts, m.body()), m.body());
	}

	private String flipOne(String text) {
		int at = random.nextInt(text.length());
		char c = text.charAt(at);
		return text.substring(0, at) + (char) (c == 'a' ? 'b' : c + 1 == '"' ? c + 2 : c + 1) + text.substring(at + 1);
	}

	private String flipBase64(String base64) {
		byte[] bytes = Base64.getDecoder().decode(base64);
		bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static String sign(String secret, String id, String ts, String body) {
		return new WebhookVerifier(secret).sign(id, ts, body);
	}

	private static boolean accepts(WebhookVerifier verifier, Message m) {
		try {
			verifier.verify(m.id(), m.timestamp(), m.signature(), m.body());
			return true;
		}
		catch (WebhookVerifier.VerificationFailed e) {
			return false;
		}
	}
}
