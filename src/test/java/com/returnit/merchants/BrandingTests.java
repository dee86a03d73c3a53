package com.returnit.merchants;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A merchant's admin sets a brand colour and uploads a logo (PNG, JPEG or WebP by their first bytes, at most 256 KiB)
 * that its customers then see on the directory, the return link and the tracking page; anything else is refused and
 * nothing of it stored.
 */
class BrandingTests extends EndToEndTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminSetsTheBrandColourWhichTheMerchantAndTheDirectoryShowAndNullClearsIt() {
		var shop = fixtures.merchant("Colourful Shop " + UUID.randomUUID());
		var admin = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "admin");

		Api.Response set = api.put("/v1/merchants/" + shop.id() + "/branding", admin.token(),
				Map.of("brandColor", "#1A73E8"));

		assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
		assertThat(set.text("id")).isEqualTo(shop.id());
		assertThat(set.text("brandColor")).as("kept in lower case").isEqualTo("#1a73e8");
		assertThat(api.get("/v1/merchants/" + shop.id(), shop.apiKey()).text("brandColor")).isEqualTo("#1a73e8");
		assertThat(directoryEntry(shop).get("brandColor").asString()).isEqualTo("#1a73e8");
		assertThat(api.get("/v1/audit-events?action=merchant.branding_changed&targetId=" + shop.id(),
				fixtures.operatorToken()).body().at("/data/0/actor").asString())
			.isEqualTo("merchant:" + shop.id() + ":member:" + admin.id());

		Api.Response cleared = api.put("/v1/merchants/" + shop.id() + "/branding", shop.apiKey(), "{\"brandColor\":null}");

		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.body().get("brandColor").isNull()).isTrue();
		assertThat(directoryEntry(shop).get("brandColor").isNull()).isTrue();
	}

	@Test
	void aColourThatIsNotHashAndSixHexDigitsIsRefusedNamingTheFieldAndNotStored() {
		var shop = fixtures.merchant("Colour Typo Shop");
		for (String bad : List.of("blue", "#12345", "#1234567", "#12345g", "1a73e8", "#fff", " #1a73e8")) {
			Api.Response refused = api.put("/v1/merchants/" + shop.id() + "/branding", shop.apiKey(),
					Map.of("brandColor", bad));

			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body().at("/errors/0/field").asString()).isEqualTo("brandColor");
		}
		assertThat(api.put("/v1/merchants/" + shop.id() + "/branding", shop.apiKey(), Map.of("brandColor", 5)).status())
			.isEqualTo(400);
		assertThat(jdbc.sql("SELECT count(*) FROM merchants WHERE id = CAST(:id AS uuid) AND brand_color IS NOT NULL")
			.param("id", shop.id()).query(Long.class).single()).isZero();
	}

	@Test
	void anUploadedLogoIsServedToAnyoneWithItsTypeAnETagAndCacheHeadersAndCanBeReplacedAndRemoved() {
		var shop = fixtures.merchant("Logo Shop " + UUID.randomUUID());
		byte[] png = image("png");

		HttpResponse<String> uploaded = upload(shop.id(), shop.apiKey(), "image/png", png);

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		String logoUrl = Api.JSON.readTree(uploaded.body()).get("logoUrl").asString();
		assertThat(logoUrl).matches("/v1/merchants/" + shop.id() + "/logo\\?v=[0-9a-f]{16}");
		HttpResponse<byte[]> served = download(logoUrl, null);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo(png);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).contains("public").contains("max-age=86400")
			.doesNotContain("no-store");
		assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		String etag = served.headers().firstValue("ETag").orElseThrow();
		assertThat(download(logoUrl, etag).statusCode()).as("revalidated by its ETag").isEqualTo(304);
		assertThat(api.get("/v1/merchants/" + shop.id(), shop.apiKey()).text("logoUrl")).isEqualTo(logoUrl);
		assertThat(directoryEntry(shop).get("logoUrl").asString()).isEqualTo(logoUrl);

		byte[] jpeg = image("jpeg");
		HttpResponse<String> replaced = upload(shop.id(), shop.apiKey(), "image/jpeg", jpeg);
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		String newUrl = Api.JSON.readTree(replaced.body()).get("logoUrl").asString();
		assertThat(newUrl).as("a new version, so caches fetch it").isNotEqualTo(logoUrl);
		assertThat(download(newUrl, null).body()).isEqualTo(jpeg);
		assertThat(download(newUrl, null).headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(download(newUrl, etag).statusCode()).isEqualTo(200);
		byte[] webp = webp();
		assertThat(upload(shop.id(), shop.apiKey(), "image/webp", webp).statusCode()).isEqualTo(200);
		assertThat(download(newUrl, null).headers().firstValue("Content-Type")).hasValue("image/webp");

		assertThat(api.delete("/v1/merchants/" + shop.id() + "/logo", shop.apiKey()).status()).isEqualTo(204);

		assertThat(download(newUrl, null).statusCode()).isEqualTo(404);
		assertThat(api.get("/v1/merchants/" + shop.id(), shop.apiKey()).body().get("logoUrl").isNull()).isTrue();
		assertThat(directoryEntry(shop).get("logoUrl").isNull()).isTrue();
		assertThat(api.delete("/v1/merchants/" + shop.id() + "/logo", shop.apiKey()).status()).isEqualTo(404);
	}

	@Test
	void aLogoOverTheSizeLimitOrNotAPngJpegOrWebpIsRefusedAndTheStoredOneStays() {
		var shop = fixtures.merchant("Picky Logo Shop");
		byte[] png = image("png");
		String logoUrl = Api.JSON.readTree(upload(shop.id(), shop.apiKey(), "image/png", png).body()).get("logoUrl")
			.asString();
		byte[] pngSigned = Arrays.copyOf(png, 256 * 1024 + 1);
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> tooLarge = upload(shop.id(), shop.apiKey(), "image/png", pngSigned);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(Api.JSON.readTree(tooLarge.body()).get("detail").asString()).contains("262144");
		List<HttpResponse<String>> refused = new ArrayList<>();
		refused.add(upload(shop.id(), shop.apiKey(), "image/svg+xml", svg));
		refused.add(upload(shop.id(), shop.apiKey(), "image/png", svg));
		refused.add(upload(shop.id(), shop.apiKey(), "image/jpeg", png));
		refused.add(upload(shop.id(), shop.apiKey(), "image/webp", png));
		refused.add(upload(shop.id(), shop.apiKey(), "image/gif", "GIF89a".getBytes(StandardCharsets.US_ASCII)));
		refused.add(upload(shop.id(), shop.apiKey(), "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
		refused.add(upload(shop.id(), shop.apiKey(), "application/octet-stream", png));
		refused.add(upload(shop.id(), shop.apiKey(), null, png));
		refused.add(upload(shop.id(), shop.apiKey(), "image/png", new byte[0]));
		for (HttpResponse<String> response : refused) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
		}

		assertThat(download(logoUrl, null).body()).as("the logo stored before").isEqualTo(png);
		assertThat(api.get("/v1/merchants/" + shop.id(), shop.apiKey()).text("logoUrl")).isEqualTo(logoUrl);
		assertThat(jdbc.sql("SELECT octet_length(bytes) FROM merchant_logos WHERE merchant_id = CAST(:id AS uuid)")
			.param("id", shop.id()).query(Integer.class).list()).containsExactly(png.length);
		var fresh = fixtures.merchant("Never Logo Shop");
		assertThat(upload(fresh.id(), fresh.apiKey(), "image/png", pngSigned).statusCode()).isEqualTo(413);
		assertThat(upload(fresh.id(), fresh.apiKey(), "image/svg+xml", svg).statusCode()).isEqualTo(415);
		assertThat(jdbc.sql("SELECT count(*) FROM merchant_logos WHERE merchant_id = CAST(:id AS uuid)")
			.param("id", fresh.id()).query(Long.class).single()).isZero();
		assertThat(api.get("/v1/merchants/" + fresh.id(), fresh.apiKey()).body().get("logoUrl").isNull()).isTrue();
		assertThat(download("/v1/merchants/" + fresh.id() + "/logo", null).statusCode()).isEqualTo(404);
	}

	@Test
	void onlyTheMerchantsAdminsMayChangeItsBrandingAndAnotherMerchantGetsNotFound() {
		var shop = fixtures.merchant("Guarded Brand Shop");
		var admin = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "admin");
		var support = fixtures.member(jdbc, shop.id(), admin.token(), "support");
		var other = fixtures.merchant("Meddling Shop");
		byte[] png = image("png");
		String branding = "/v1/merchants/" + shop.id() + "/branding";

		assertThat(api.put(branding, support.token(), Map.of("brandColor", "#000000")).status()).isEqualTo(403);
		assertThat(upload(shop.id(), support.token(), "image/png", png).statusCode()).isEqualTo(403);
		assertThat(api.delete("/v1/merchants/" + shop.id() + "/logo", support.token()).status()).isEqualTo(403);
		assertThat(api.put(branding, other.apiKey(), Map.of("brandColor", "#000000")).status()).isEqualTo(404);
		assertThat(upload(shop.id(), other.apiKey(), "image/png", png).statusCode()).isEqualTo(404);
		assertThat(upload(shop.id(), null, "image/png", png).statusCode()).isEqualTo(401);
		assertThat(api.put(branding, fixtures.customer().token(), Map.of("brandColor", "#000000")).status())
			.isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM merchant_logos WHERE merchant_id = CAST(:id AS uuid)")
			.param("id", shop.id()).query(Long.class).single()).isZero();
		assertThat(upload(shop.id(), admin.token(), "image/png", png).statusCode()).isEqualTo(200);
		assertThat(api.put(branding, admin.token(), Map.of("brandColor", "#000000")).status()).isEqualTo(200);
		assertThat(api.put(branding, fixtures.operatorToken(), Map.of("brandColor", "#ffffff")).text("brandColor"))
			.isEqualTo("#ffffff");
		assertThat(api.get("/v1/audit-events?action=merchant.logo_changed&targetId=" + shop.id(),
				fixtures.operatorToken()).body().at("/data/0/actor").asString())
			.isEqualTo("merchant:" + shop.id() + ":member:" + admin.id());
	}

	@Test
	void customersSeeTheBrandOnTheReturnLinkAndTheTrackingPage() {
		var shop = fixtures.merchant("Branded Returns Shop");
		api.put("/v1/merchants/" + shop.id() + "/branding", shop.apiKey(), Map.of("brandColor", "#0b8043"));
		String logoUrl = Api.JSON.readTree(upload(shop.id(), shop.apiKey(), "image/png", image("png")).body())
			.get("logoUrl").asString();

		Api.Response link = api.post("/v1/return-sessions", shop.apiKey(), returnLink());
		assertThat(link.status()).as(link.body().toString()).isEqualTo(201);
		JsonNode opened = api.get("/v1/public/return-sessions/" + link.text("token"), null).body();
		assertThat(opened.at("/merchant/name").asString()).isEqualTo("Branded Returns Shop");
		assertThat(opened.at("/merchant/logoUrl").asString()).isEqualTo(logoUrl);
		assertThat(opened.at("/merchant/brandColor").asString()).isEqualTo("#0b8043");

		Api.Response brand = api.get("/v1/merchants/" + shop.id() + "/brand", null);
		assertThat(brand.status()).as("for the customer's own order page, by the order's merchantId").isEqualTo(200);
		assertThat(brand.body().toString()).isEqualTo("{\"id\":\"" + shop.id() + "\",\"name\":\"Branded Returns Shop\","
				+ "\"logoUrl\":\"" + logoUrl + "\",\"brandColor\":\"#0b8043\"}");
		assertThat(api.get("/v1/merchants/" + UUID.randomUUID() + "/brand", null).status()).isEqualTo(404);

		var customer = fixtures.customer();
		String orderId = fixtures.order(customer, shop);
		String token = api.get("/v1/orders/" + orderId + "/tracking-link", customer.token()).text("token");
		JsonNode tracking = api.get("/v1/public/tracking/" + token, null).body();
		assertThat(tracking.get("merchant").toString()).isEqualTo("{\"name\":\"Branded Returns Shop\",\"logoUrl\":\""
				+ logoUrl + "\",\"brandColor\":\"#0b8043\"}");

		var plain = fixtures.merchant("Plain Returns Shop");
		String plainOrder = fixtures.order(customer, plain);
		String plainToken = api.get("/v1/orders/" + plainOrder + "/tracking-link", customer.token()).text("token");
		assertThat(api.get("/v1/public/tracking/" + plainToken, null).body().get("merchant").toString())
			.isEqualTo("{\"name\":\"Plain Returns Shop\",\"logoUrl\":null,\"brandColor\":null}");
	}

	private JsonNode directoryEntry(Fixtures.MerchantRef shop) {
		String name = api.get("/v1/merchants/" + shop.id(), shop.apiKey()).text("name");
		JsonNode data = api.get("/v1/merchants?query=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), null)
			.body().get("data");
		return data.valueStream().filter(m -> m.get("id").asString().equals(shop.id())).findFirst().orElseThrow();
	}

	private static Map<String, Object> returnLink() {
		String bought = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		return Map.of("customer", Map.of("name", "Robin Returner", "email", "brand-" + UUID.randomUUID()
				+ "@test.returnit.local", "phone", "+49 30 5550101"), "merchantOrderRef", "MO-BRAND",
				"items", List.of(Map.of("sku", "SKU-SCARF", "description", "Wool scarf", "category", "accessories",
						"purchasedAt", bought, "valueCents", 2_500)));
	}

	private HttpResponse<String> upload(String merchantId, String token, String contentType, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/v1/merchants/" + merchantId + "/logo"))
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<byte[]> download(String path, String ifNoneMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path)).GET();
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), handler);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A real 16 x 16 picture in this format, as ImageIO writes it. */
	private static byte[] image(String format) {
		BufferedImage picture = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
		picture.setRGB(3, 3, 0x1a73e8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			assertThat(ImageIO.write(picture, format, out)).isTrue();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** The start of a WebP file: its RIFF container, "WEBP" and a lossless (VP8L) chunk. */
	private static byte[] webp() {
		return java.util.HexFormat.of().parseHex(
				"524946461a000000574542505650384c0d0000002f0000001007101111888808000000");
	}
}
