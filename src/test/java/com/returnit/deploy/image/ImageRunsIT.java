package com.returnit.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The image as a container runtime would run it, without one (none can run on this machine): bin/image builds it,
 * umoci unpacks it into an OCI bundle, and its entrypoint starts with the bundle's own process settings (arguments,
 * environment, working directory, user) in the unpacked root file system, entered with unshare (chroot, a private
 * mount namespace with /proc, /dev and /sys) on a free loopback port, against a PostgreSQL on the host.
 */
class ImageRunsIT {

	private static BuiltImage image;
	private static Path rootfs;
	private static JsonNode bundleProcess;
	private static EmbeddedPostgres database;

	@BeforeAll
	static void unpackTheImage() throws Exception {
		image = BuiltImage.shared();
		Path bundle = image.out().resolve("bundle");
		run(List.of("rm", "-rf", bundle.toString()));
		run(List.of("umoci", "unpack", "--image", image.layout() + ":latest", bundle.toString()));
		rootfs = bundle.resolve("rootfs");
		bundleProcess = BuiltImage.JSON.readTree(bundle.resolve("config.json").toFile()).get("process");
		database = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopTheDatabase() throws IOException {
		if (database != null) {
			database.close();
		}
	}

	@Test
	void theEntrypointServesABookingFromTheUnpackedImageAndDrainsOnSigterm() throws Exception {
		int port = freePort();
		Path log = image.out().resolve("container.log");
		Process container = start(port, log);
		try {
			Api api = new Api(port);
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
				.untilAsserted(() -> {
					assertThat(container.isAlive()).as("the service is running: %s", tail(log)).isTrue();
					assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
				});
			assertThat(Files.readString(Path.of("/proc/" + container.pid() + "/status")))
				.as("the service runs as the image's user, not root").containsPattern("Uid:\\s+10001\\s");
			assertThat(Files.readSymbolicLink(Path.of("/proc/" + container.pid() + "/root")))
				.as("inside the unpacked image").isEqualTo(rootfs);
			Ran probe = runInImage(new Recipe().healthCommand(), Map.of("SERVER_PORT", String.valueOf(port)));
			assertThat(probe.exit()).as("the image's health command (Dockerfile HEALTHCHECK): " + probe.output()).isZero();
			assertThat(probe.output()).contains("/actuator/health/readiness 200");
			Ran flags = runInImage(List.of("/opt/java/bin/jcmd", String.valueOf(container.pid()), "VM.flags"), Map.of());
			assertThat(flags.output()).as("jcmd in the image sees the JVM options of JAVA_TOOL_OPTIONS")
				.contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");

			var fixtures = new Fixtures(api);
			var merchant = fixtures.merchant("Image Outfitters");
			var customer = fixtures.customer();
			Api.Response quote = Fixtures.quote(api, customer, merchant);
			assertThat(quote.status()).as(quote.body().toString()).isEqualTo(200);
			Api.Response booked = api.post("/v1/orders", customer.token(), Map.of("quoteId", quote.text("quoteId")));
			assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
			assertThat(booked.text("status")).isEqualTo("scheduled");

			Api.Response fetched = api.get("/v1/orders/" + booked.text("id"), customer.token());
			assertThat(fetched.status()).isEqualTo(200);
			assertThat(fetched.text("merchantId")).isEqualTo(merchant.id());
			assertThat(fetched.body().get("items").get(0).get("sku").asString()).isEqualTo("SKU-JACKET");
			assertThat(fetched.body().get("price").get("amountCents").asLong())
				.isEqualTo(quote.body().get("price").get("amountCents").asLong());
			assertThat(api.get("/", null).contentType()).as("the web app is in the image").startsWith("text/html");

			container.destroy(); // SIGTERM, as a runtime stops a container
			await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
				.untilAsserted(() -> assertThat(api.get("/actuator/health/readiness", null).status())
					.as("readiness while draining").isEqualTo(503));
			assertThat(api.get("/v1/orders/" + booked.text("id"), customer.token()).status())
				.as("still serving while draining").isEqualTo(200);
			assertThat(container.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
			// the JVM exits 128 + 15 after its shutdown hooks ran on SIGTERM: a clean stop to every runtime
			assertThat(container.exitValue()).as(tail(log)).isEqualTo(143);
			assertThat(Files.readString(log)).contains("Shutting down: still serving for 5000 ms")
				.contains("Graceful shutdown complete").doesNotContain("ERROR");
		}
		finally {
			container.destroyForcibly();
			container.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void theImageIsConfiguredAsTheDockerfileDeclares() {
		var recipe = new Recipe();
		assertThat(recipe.drift(Recipe.read(Path.of("Dockerfile")))).isEmpty();
		JsonNode config = image.config().get("config");
		Map<String, String> environment = new LinkedHashMap<>();
		config.get("Env").forEach(e -> environment.put(e.asString().split("=", 2)[0], e.asString().split("=", 2)[1]));
		assertThat(environment).isEqualTo(recipe.environment());
		assertThat(config.get("User").asString()).isEqualTo("10001:10001");
		assertThat(config.get("WorkingDir").asString()).isEqualTo("/app");
		assertThat(config.get("ExposedPorts").propertyNames()).containsExactly("8080/tcp");
		assertThat(config.get("Entrypoint").values()).extracting(JsonNode::asString)
			.containsExactlyElementsOf(recipe.entrypoint());
		assertThat(config.get("StopSignal").asString()).isEqualTo("SIGTERM");
		assertThat(config.get("Labels").get("org.opencontainers.image.title").asString()).isEqualTo("ReturnIt");
		assertThat(config.get("Labels").get("org.opencontainers.image.revision").asString()).hasSize(40);
		assertThat(image.config().get("architecture").asString()).isEqualTo("amd64");
		assertThat(image.layerDigests().keySet()).as("layers, bottom to top").containsExactly(
				"0 bin/image: base (deploy/image/make-base)", "1 bin/image: runtime (deploy/image/make-runtime)",
				"2 bin/image: dependencies (deploy/image/make-app-layers)",
				"3 bin/image: spring-boot-loader (deploy/image/make-app-layers)",
				"4 bin/image: snapshot-dependencies (deploy/image/make-app-layers)",
				"5 bin/image: application (deploy/image/make-app-layers)");
		assertThat(rootfs.resolve("bin/sh")).as("no shell in the image").doesNotExist();
		assertThat(rootfs.resolve("usr/bin/mawk")).doesNotExist();
		assertThat(rootfs.resolve("app/BOOT-INF/classes/com/returnit/ReturnItApplication.class")).exists();
		assertThat(rootfs.resolve("app/BOOT-INF/lib")).isNotEmptyDirectory();
	}

	/** The bundle's process in the image's root, as a runtime would start it, plus the deployment's settings. */
	private static Process start(int port, Path log) throws IOException {
		Map<String, String> environment = new LinkedHashMap<>();
		for (JsonNode entry : bundleProcess.get("env")) {
			String[] pair = entry.asString().split("=", 2);
			environment.put(pair[0], pair[1]);
		}
		environment.putAll(Map.of("SERVER_PORT", String.valueOf(port), "SERVER_ADDRESS", "127.0.0.1",
				"SPRING_DATASOURCE_URL", database.getJdbcUrl("postgres", "postgres").replace("localhost", "127.0.0.1"),
				"SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "postgres",
				"RETURNIT_ADMIN_EMAIL", EndToEndTest.ADMIN_EMAIL, "RETURNIT_ADMIN_PASSWORD", EndToEndTest.ADMIN_PASSWORD,
				"RETURNIT_ADMIN_TOTP_SECRET", EndToEndTest.ADMIN_TOTP_SECRET, "RETURNIT_SHUTDOWN_DRAIN_DELAY", "5s"));
		List<String> args = new ArrayList<>();
		bundleProcess.get("args").forEach(arg -> args.add(arg.asString()));
		var builder = new ProcessBuilder(inImage(bundleProcess.get("cwd").asString(), args)).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().clear();
		builder.environment().putAll(environment);
		return builder.start();
	}

	private record Ran(int exit, String output) {
	}

	/** A command of the image, run in the image's root as its user. */
	private static Ran runInImage(List<String> command, Map<String, String> environment) throws Exception {
		var builder = new ProcessBuilder(inImage("/", command)).redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
		return new Ran(process.exitValue(), output);
	}

	/**
	 * A private mount namespace (gone with the process, so nothing stays mounted under target/) with /proc, /dev and
	 * /sys in the image's root; then unshare enters that root and working directory as the bundle's user and execs
	 * the command, so that the process started is the command itself (its pid gets the SIGTERM).
	 */
	private static List<String> inImage(String cwd, List<String> command) {
		JsonNode user = bundleProcess.get("user");
		String root = rootfs.toString();
		List<String> wrapped = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--", "/bin/sh",
				"-c", "r=\"$0\" wd=\"$1\" uid=\"$2\" gid=\"$3\"; shift 3; mount -t proc proc \"$r/proc\" "
						+ "&& mount --rbind /dev \"$r/dev\" && mount --rbind /sys \"$r/sys\" "
						+ "&& exec unshare --root=\"$r\" --wd=\"$wd\" --setuid=\"$uid\" --setgid=\"$gid\" -- \"$@\"",
				root, cwd, user.get("uid").asString(), user.get("gid").asString()));
		wrapped.addAll(command);
		return wrapped;
	}

	private static void run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}
}
