package com.returnit.flags.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.flags.FlagTarget;
import com.returnit.flags.internal.domain.Flag;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider through the OpenFeature SDK, over a source that a test can change and break. */
class PostgresFlagProviderTests {

	/** A flag table in memory whose queries fail while {@code down}. */
	static final class TestSource implements FlagSource {

		volatile long revision = 1;
		volatile List<Flag> flags = List.of();
		volatile boolean down;

		@Override
		public long revision() {
			if (down) {
				throw new IllegalStateException("database unreachable");
			}
			return revision;
		}

		@Override
		public List<Flag> all() {
			if (down) {
				throw new IllegalStateException("database unreachable");
			}
			return flags;
		}

		void set(Flag... next) {
			flags = List.of(next);
			revision++;
		}
	}

	private final TestSource source = new TestSource();
	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
	private final PostgresFlagProvider provider = new PostgresFlagProvider(source, Duration.ofMillis(50));
	private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
	private Client client;

	@AfterEach
	void shutDown() {
		api.shutdown();
	}

	@Test
	void aChangeInTheSourceIsEvaluatedWithinTheRefreshInterval() {
		source.set(flag("beta", false));
		start();
		assertThat(client.getBooleanValue("beta", true, OpenFeatureFlags.context(customer()))).isFalse();
		List<List<String>> changed = new CopyOnWriteArrayList<>();
		api.onProviderConfigurationChanged(event -> changed.add(event.getFlagsChanged()));

		source.set(flag("beta", true));

		await().atMost(Duration.ofSeconds(2))
			.until(() -> client.getBooleanValue("beta", false, OpenFeatureFlags.context(customer())));
		await().atMost(Duration.ofSeconds(2)).until(() -> changed.contains(List.of("beta")));
	}

	@Test
	void whenTheDatabaseIsAwayEvaluationGoesOnFromTheLastSnapshotAndResumesAfter() {
		source.set(flag("beta", true));
		start();
		List<String> events = new CopyOnWriteArrayList<>();
		api.onProviderStale(event -> events.add("stale"));
		api.onProviderReady(event -> events.add("ready"));

		source.down = true;
		await().atMost(Duration.ofSeconds(2)).until(() -> events.contains("stale"));

		FlagEvaluationDetails<Boolean> during = client.getBooleanDetails("beta", false,
				OpenFeatureFlags.context(customer()));
		assertThat(during.getValue()).as("served from the last snapshot").isTrue();
		assertThat(during.getErrorCode()).isNull();
		assertThat(api.getClient("returnit").getProviderState()).isEqualTo(ProviderState.STALE);

		source.flags = List.of(flag("beta", false));
		source.revision++;
		source.down = false;
		await().atMost(Duration.ofSeconds(2)).until(() -> events.contains("ready"));
		await().atMost(Duration.ofSeconds(2))
			.until(() -> !client.getBooleanValue("beta", true, OpenFeatureFlags.context(customer())));
	}

	@Test
	void anUnknownFlagServesTheCodesDefaultAndEveryEvaluationIsCountedByVariant() {
		source.set(flag("beta", true));
		start();

		FlagEvaluationDetails<Boolean> unknown = client.getBooleanDetails("nope", true,
				OpenFeatureFlags.context(customer()));
		client.getBooleanValue("beta", false, OpenFeatureFlags.context(customer()));
		client.getBooleanValue("beta", false, OpenFeatureFlags.context(customer()));

		assertThat(unknown.getValue()).isTrue();
		assertThat(unknown.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
		assertThat(meters.counter(EvaluationCounter.METER, "flag", "beta", "variant", "on").count()).isEqualTo(2);
		assertThat(meters.counter(EvaluationCounter.METER, "flag", "nope", "variant", "default").count()).isEqualTo(1);
	}

	@Test
	void aNonBooleanEvaluationIsATypeMismatchNotAnError() {
		source.set(flag("beta", true));
		start();

		assertThat(client.getStringDetails("beta", "x").getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
		assertThat(client.getStringValue("beta", "x")).isEqualTo("x");
	}

	private void start() {
		api.addHooks(new EvaluationCounter(meters));
		api.setProviderAndWait(provider);
		client = api.getClient("returnit");
	}

	private static FlagTarget customer() {
		return new FlagTarget("customer-1", "customer", null, null);
	}

	private static Flag flag(String key, boolean on) {
		return new Flag(key, "", true, on ? 10_000 : 0, Set.of(), Set.of(), Set.of(), false, 1, Instant.EPOCH);
	}
}
