package com.returnit.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A browser's push service, for tests: a real HTTP server on 127.0.0.1 that does what a push service and the browser
 * behind it do with a Web Push request. It checks the VAPID header (RFC 8292: an ES256 JWT whose {@code aud} is this
 * server's origin, verified with the key in {@code k}, which must be the service's VAPID public key), then decrypts
 * the aes128gcm body (RFC 8291) with the subscription's private key and auth secret, which only this class holds.
 * A request failing any check is answered 400 and recorded as a failure.
 */
public final class PushService implements AutoCloseable {

	/** A browser's subscription: its key pair and auth secret stay here; {@link #body()} is what the app posts. */
	public record Browser(String name, String endpoint, KeyPair keys, byte[] auth) {

		public String p256dh() {
			return b64(uncompressed((ECPublicKey) keys.getPublic()));
		}

		/** As {@code PushSubscription.toJSON()} has it, {@code expirationTime: null} included. */
		public Map<String, Object> body() {
			Map<String, Object> body = new java.util.LinkedHashMap<>();
			body.put("endpoint", endpoint);
			body.put("expirationTime", null);
			body.put("keys", Map.of("p256dh", p256dh(), "auth", b64(auth)));
			return body;
		}
	}

	/** A push as the browser's service worker would get it, with the request's headers. */
	public record Delivered(String browser, JsonNode payload, String ttl, String urgency, String contentEncoding,
			JsonNode jwtClaims, Instant at) {
	}

	private final HttpServer server;
	private final String vapidPublicKey;
	private final Map<String, Browser> browsers = new ConcurrentHashMap<>();
	private final Map<String, Integer> answers = new ConcurrentHashMap<>();
	private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
	private final List<String> requests = new CopyOnWriteArrayList<>();
	private final List<String> failures = new CopyOnWriteArrayList<>();

	/** Starts the push service; {@code vapidPublicKey} is what GET /v1/push/vapid-public-key answers. */
	public PushService(String vapidPublicKey) throws IOException {
		this.vapidPublicKey = vapidPublicKey;
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/push/", this::handle);
		server.start();
	}

	/** A new browser subscribed at this push service (a fresh P-256 key pair and 16-byte auth secret). */
	public Browser browser(String name) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			byte[] auth = new byte[16];
			new SecureRandom().nextBytes(auth);
			Browser browser = new Browser(name, origin() + "/push/" + name, generator.generateKeyPair(), auth);
			browsers.put(name, browser);
			return browser;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** From now on, pushes to this browser are answered with this status (after all checks passed). */
	public void answer(String browser, int status) {
		answers.put(browser, status);
	}

	public String origin() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public List<Delivered> delivered() {
		return List.copyOf(delivered);
	}

	/** Every request's browser name, checked or not, in order. */
	public List<String> requests() {
		return List.copyOf(requests);
	}

	public List<String> failures() {
		return List.copyOf(failures);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String name = exchange.getRequestURI().getPath().substring("/push/".length());
		requests.add(name);
		byte[] body = exchange.getRequestBody().readAllBytes();
		int status;
		try {
			Browser browser = browsers.get(name);
			if (browser == null || !exchange.getRequestMethod().equals("POST")) {
				status = 404;
			}
			else {
				JsonNode claims = verifyVapid(exchange.getRequestHeaders().getFirst("Authorization"));
				String plain = new String(decrypt(browser, body), StandardCharsets.UTF_8);
				delivered.add(new Delivered(name, Api.JSON.readTree(plain), exchange.getRequestHeaders().getFirst("TTL"),
						exchange.getRequestHeaders().getFirst("Urgency"),
						exchange.getRequestHeaders().getFirst("Content-Encoding"), claims, Instant.now()));
				status = answers.getOrDefault(name, 201);
			}
		}
		catch (GeneralSecurityException | RuntimeException e) {
			failures.add(name + ": " + e);
			status = 400;
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	/** RFC 8292: {@code vapid t=<JWT>, k=<public key>}; the JWT is ES256 over the key, for this origin, not expired. */
	private JsonNode verifyVapid(String authorization) throws GeneralSecurityException {
		if (authorization == null || !authorization.startsWith("vapid ")) {
			throw new GeneralSecurityException("no vapid Authorization header: " + authorization);
		}
		Map<String, String> parts = new ConcurrentHashMap<>();
		for (String part : authorization.substring("vapid ".length()).split(",")) {
			String[] pair = part.trim().split("=", 2);
			parts.put(pair[0], pair[1]);
		}
		if (!vapidPublicKey.equals(parts.get("k"))) {
			throw new GeneralSecurityException("k is not the service's VAPID public key: " + parts.get("k"));
		}
		String[] jwt = parts.get("t").split("\\.");
		JsonNode header = Api.JSON.readTree(new String(unb64(jwt[0]), StandardCharsets.UTF_8));
		if (!header.get("alg").asString().equals("ES256")) {
			throw new GeneralSecurityException("alg is not ES256: " + header);
		}
		Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
		verifier.initVerify(publicKey(unb64(parts.get("k"))));
		verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
		if (!verifier.verify(unb64(jwt[2]))) {
			throw new GeneralSecurityException("the JWT's signature does not verify with k");
		}
		JsonNode claims = Api.JSON.readTree(new String(unb64(jwt[1]), StandardCharsets.UTF_8));
		if (!claims.get("aud").asString().equals(origin())) {
			throw new GeneralSecurityException("aud is not this push service's origin: " + claims);
		}
		long exp = claims.get("exp").asLong();
		long now = Instant.now().getEpochSecond();
		if (exp <= now || exp > now + 24 * 3600) {
			throw new GeneralSecurityException("exp is not within the next 24 hours: " + claims);
		}
		return claims;
	}

	/** RFC 8291 / RFC 8188: one aes128gcm record, keyed from ECDH with the browser's key and its auth secret. */
	private static byte[] decrypt(Browser browser, byte[] body) throws GeneralSecurityException {
		ByteBuffer in = ByteBuffer.wrap(body);
		byte[] salt = new byte[16];
		in.get(salt);
		int recordSize = in.getInt();
		byte[] keyId = new byte[in.get() & 0xff];
		in.get(keyId);
		byte[] ciphertext = new byte[in.remaining()];
		in.get(ciphertext);
		if (recordSize < 18 || ciphertext.length > recordSize || keyId.length != 65) {
			throw new GeneralSecurityException("bad aes128gcm header: rs " + recordSize + ", idlen " + keyId.length);
		}
		KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
		agreement.init(browser.keys().getPrivate());
		agreement.doPhase(publicKey(keyId), true);
		byte[] ecdhSecret = agreement.generateSecret();
		byte[] uaPublic = uncompressed((ECPublicKey) browser.keys().getPublic());
		byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, keyId);
		byte[] ikm = hkdf(browser.auth(), ecdhSecret, keyInfo, 32);
		byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
		byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		byte[] padded = cipher.doFinal(ciphertext);
		int end = padded.length - 1;
		while (end >= 0 && padded[end] == 0) {
			end--;
		}
		if (end < 0 || padded[end] != 2) {
			throw new GeneralSecurityException("the last record does not end with the delimiter 0x02");
		}
		return Arrays.copyOf(padded, end);
	}

	/** HKDF-SHA256 (RFC 5869), one block: enough for 32 bytes or fewer. */
	private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(salt, "HmacSHA256"));
		byte[] prk = mac.doFinal(ikm);
		mac.init(new SecretKeySpec(prk, "HmacSHA256"));
		return Arrays.copyOf(mac.doFinal(concat(info, new byte[] { 1 })), length);
	}

	private static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
		if (uncompressed.length != 65 || uncompressed[0] != 4) {
			throw new GeneralSecurityException("not an uncompressed P-256 point");
		}
		var parameters = java.security.AlgorithmParameters.getInstance("EC");
		parameters.init(new ECGenParameterSpec("secp256r1"));
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point,
				parameters.getParameterSpec(java.security.spec.ECParameterSpec.class)));
	}

	static byte[] uncompressed(ECPublicKey key) {
		byte[] out = new byte[65];
		out[0] = 4;
		fill(key.getW().getAffineX(), out, 1);
		fill(key.getW().getAffineY(), out, 33);
		return out;
	}

	private static void fill(BigInteger value, byte[] into, int at) {
		byte[] bytes = value.toByteArray();
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, into, at + 32 - length, length);
	}

	private static byte[] concat(byte[]... parts) {
		int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
		ByteBuffer out = ByteBuffer.allocate(length);
		Arrays.stream(parts).forEach(out::put);
		return out.array();
	}

	static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] unb64(String text) {
		return Base64.getUrlDecoder().decode(text);
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
