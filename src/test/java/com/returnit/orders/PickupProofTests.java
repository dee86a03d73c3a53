package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The photos and signature a driver adds to a pickup, and who may see them. */
class PickupProofTests extends EndToEndTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Orders orders;

	@Autowired
	TransactionTemplate tx;

	record Job(Fixtures.MerchantRef merchant, Fixtures.Person customer, Fixtures.Person driver, String orderId) {
	}

	record Sent(int status, JsonNode body, HttpResponse<byte[]> raw) {
	}

	@Test
	void theDriverAddsAPhotoOfAnItemAndASignatureAndEveryoneWhoMaySeeTheOrderSeesThem() {
		Job job = assignedJob();
		byte[] photo = jpeg(50_000);
		byte[] signature = png(4_000);

		Sent added = upload(job, "/proof/photos?sku=SKU-JACKET", job.driver().token(), photo, "image/jpeg");
		Sent signed = upload(job, "/proof/signature", job.driver().token(), signature, "image/png");

		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
		assertThat(added.body().get("kind").asString()).isEqualTo("photo");
		assertThat(added.body().get("sku").asString()).isEqualTo("SKU-JACKET");
		assertThat(added.body().get("contentType").asString()).isEqualTo("image/jpeg");
		assertThat(added.body().get("sizeBytes").asInt()).isEqualTo(photo.length);
		String photoUrl = added.body().get("url").asString();
		assertThat(photoUrl).isEqualTo("/v1/orders/" + job.orderId() + "/proof/files/" + added.body().get("id").asString());
		assertThat(added.raw().headers().firstValue("Location")).contains(photoUrl);
		assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);
		assertThat(signed.body().get("kind").asString()).isEqualTo("signature");
		assertThat(signed.body().get("sku").isNull()).isTrue();

		Api.Response proof = api.get("/v1/orders/" + job.orderId() + "/proof", job.customer().token());
		assertThat(proof.status()).isEqualTo(200);
		assertThat(proof.text("status")).isEqualTo("assigned");
		assertThat(proof.body().get("items")).hasSize(2);
		assertThat(proof.body().get("files")).hasSize(2);
		assertThat(proof.body().get("files").get(0).get("url").asString()).isEqualTo(photoUrl);
		assertThat(proof.body().get("files").get(1).get("url").asString()).isEqualTo(signed.body().get("url").asString());

		var member = fixtures.member(jdbc, job.merchant().id(), fixtures.operatorToken(), "support");
		for (String token : new String[] { job.customer().token(), job.merchant().apiKey(), member.token(),
				job.driver().token(), fixtures.operatorToken() }) {
			HttpResponse<byte[]> file = get(photoUrl, token);
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(file.body()).isEqualTo(photo);
			assertThat(file.headers().firstValue("Content-Type")).contains("image/jpeg");
			assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
			assertThat(file.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("private"));
		}
		assertThat(get(signed.body().get("url").asString(), job.customer().token()).body()).isEqualTo(signature);
	}

	@Test
	void aWebpIsTakenWhateverTypeTheClientDeclared() {
		Job job = assignedJob();

		Sent added = upload(job, "/proof/photos", job.driver().token(), webp(2_000), "application/octet-stream");

		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
		assertThat(added.body().get("contentType").asString()).isEqualTo("image/webp");
		assertThat(added.body().get("sku").isNull()).isTrue();
	}

	@Test
	void anotherTenantsProofIsA404AndAnotherDriverCannotAddToTheJob() {
		Job job = assignedJob();
		String url = upload(job, "/proof/photos", job.driver().token(), jpeg(1_000), "image/jpeg").body().get("url")
			.asString();
		Fixtures.MerchantRef otherMerchant = fixtures.merchant("Other shop " + UUID.randomUUID());
		Fixtures.Person otherCustomer = fixtures.customer();
		Fixtures.Person otherDriver = fixtures.driver();

		for (String token : new String[] { otherMerchant.apiKey(), otherCustomer.token(), otherDriver.token() }) {
			HttpResponse<byte[]> file = get(url, token);
			assertThat(file.statusCode()).isEqualTo(404);
			assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(api.get("/v1/orders/" + job.orderId() + "/proof", token).status()).isEqualTo(404);
		}
		Sent intruder = upload(job, "/proof/photos", otherDriver.token(), jpeg(1_000), "image/jpeg");
		assertThat(intruder.status()).isEqualTo(404);
		assertThat(get("/v1/orders/" + job.orderId() + "/proof/files/" + UUID.randomUUID(), job.customer().token())
			.statusCode()).isEqualTo(404);
		assertThat(storedFiles(job)).isEqualTo(1);
	}

	@Test
	void aPhotoOverTheLimitIsRefusedWith413AndNothingIsStored() {
		Job job = assignedJob();

		Sent justOver = upload(job, "/proof/photos", job.driver().token(), jpeg(2 * 1024 * 1024 + 1), "image/jpeg");
		Sent farOver = upload(job, "/proof/photos", job.driver().token(), jpeg(2 * 1024 * 1024 + 500_000), "image/jpeg");
		Sent signature = upload(job, "/proof/signature", job.driver().token(), png(256 * 1024 + 1), "image/png");

		for (Sent refused : new Sent[] { justOver, farOver, signature }) {
			assertThat(refused.status()).isEqualTo(413);
			assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
		}
		assertThat(storedFiles(job)).isZero();
		assertThat(upload(job, "/proof/photos", job.driver().token(), jpeg(2 * 1024 * 1024), "image/jpeg").status())
			.as("exactly the limit").isEqualTo(201);
	}

	@Test
	void somethingThatIsNotAJpegPngOrWebpIsRefusedWith415AndNothingIsStored() {
		Job job = assignedJob();
		byte[] pdf = "%PDF-1.7\n%binary".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		byte[] html = "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		byte[] riffButNotWebp = webp(100);
		riffButNotWebp[8] = 'A';

		for (byte[] content : new byte[][] { pdf, html, riffButNotWebp }) {
			Sent refused = upload(job, "/proof/photos", job.driver().token(), content, "image/jpeg");
			assertThat(refused.status()).isEqualTo(415);
			assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
		}
		Sent empty = upload(job, "/proof/signature", job.driver().token(), new byte[0], "image/png");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body().get("errors").get(0).get("field").asString()).isEqualTo("body");
		assertThat(storedFiles(job)).isZero();
	}

	@Test
	void badInputAndTheWrongCallerOrMomentAreRefusedWithProblems() {
		Job job = assignedJob();

		Sent unknownItem = upload(job, "/proof/photos?sku=SKU-NOPE", job.driver().token(), jpeg(500), "image/jpeg");
		Sent byCustomer = upload(job, "/proof/photos", job.customer().token(), jpeg(500), "image/jpeg");
		Sent badId = send("/v1/orders/not-a-uuid/proof/photos", job.driver().token(), jpeg(500), "image/jpeg");
		Sent longSku = upload(job, "/proof/photos?sku=" + "x".repeat(101), job.customer().token(), jpeg(500),
				"image/jpeg");

		assertThat(longSku.status()).as("found by the fuzzer: a 500 once").isEqualTo(400);
		assertThat(longSku.body().get("errors").get(0).get("field").asString()).isEqualTo("sku");
		assertThat(unknownItem.status()).isEqualTo(422);
		assertThat(unknownItem.body().get("errors").get(0).get("field").asString()).isEqualTo("sku");
		assertThat(byCustomer.status()).isEqualTo(403);
		assertThat(badId.status()).isEqualTo(400);
		assertThat(api.post("/v1/orders/" + job.orderId() + "/cancel", job.customer().token(),
				Map.of("reason", "changed my mind")).status()).isEqualTo(200);
		Sent afterCancel = upload(job, "/proof/photos", job.driver().token(), jpeg(500), "image/jpeg");
		assertThat(afterCancel.status()).isEqualTo(409);
		assertThat(afterCancel.body().get("code").asString()).isEqualTo("order_not_open_for_proof");
		assertThat(storedFiles(job)).isZero();
	}

	@Test
	void aCustomersErasureDeletesTheirPickupsProofFiles() {
		Job job = assignedJob();
		upload(job, "/proof/photos", job.driver().token(), jpeg(1_000), "image/jpeg");
		upload(job, "/proof/signature", job.driver().token(), png(1_000), "image/png");
		assertThat(api.post("/v1/orders/" + job.orderId() + "/cancel", job.customer().token(),
				Map.of("reason", "moving away")).status()).isEqualTo(200);

		assertThat(api.delete("/v1/customers/me", job.customer().token()).status()).isEqualTo(204);

		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> storedFiles(job) == 0);
		assertThat(api.get("/v1/orders/" + job.orderId() + "/proof", fixtures.operatorToken()).body().get("files"))
			.isEmpty();
	}

	private Job assignedJob() {
		Fixtures.MerchantRef merchant = fixtures.merchant("Proof shop " + UUID.randomUUID());
		Fixtures.Person customer = fixtures.customer();
		Fixtures.Person driver = fixtures.driver();
		String orderId = fixtures.order(customer, merchant);
		tx.executeWithoutResult(status -> orders.assign(UUID.fromString(orderId), UUID.fromString(driver.id())));
		return new Job(merchant, customer, driver, orderId);
	}

	private long storedFiles(Job job) {
		return jdbc.sql("SELECT count(*) FROM pickup_proof_files WHERE order_id = :o")
			.param("o", UUID.fromString(job.orderId())).query(Long.class).single();
	}

	private Sent upload(Job job, String path, String token, byte[] content, String type) {
		return send("/v1/orders/" + job.orderId() + path, token, content, type);
	}

	private Sent send(String path, String token, byte[] content, String type) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token).header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
		HttpResponse<byte[]> response = exchange(request);
		String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
		return new Sent(response.statusCode(), text.isBlank() ? Api.JSON.nullNode() : Api.JSON.readTree(text), response);
	}

	private HttpResponse<byte[]> get(String path, String token) {
		return exchange(HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token).GET().build());
	}

	private static HttpResponse<byte[]> exchange(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static byte[] jpeg(int size) {
		return withMagic(size, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0);
	}

	static byte[] png(int size) {
		return withMagic(size, (byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) '\r', (byte) '\n', (byte) 0x1A,
				(byte) '\n');
	}

	static byte[] webp(int size) {
		return withMagic(size, (byte) 'R', (byte) 'I', (byte) 'F', (byte) 'F', (byte) 0, (byte) 0, (byte) 0, (byte) 0,
				(byte) 'W', (byte) 'E', (byte) 'B', (byte) 'P');
	}

	private static byte[] withMagic(int size, byte... magic) {
		byte[] content = new byte[size];
		Arrays.fill(content, (byte) 0x42);
		System.arraycopy(magic, 0, content, 0, Math.min(magic.length, size));
		return content;
	}
}
