package com.returnit.flags.internal;

import com.returnit.flags.FlagTarget;
import com.returnit.flags.internal.domain.Flag;
import com.returnit.flags.internal.domain.Resolution;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEventDetails;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenFeature provider of ReturnIt's flags (ADR 0042): every flag in memory, reloaded when the source's revision
 * moves (polled every refresh interval), evaluated without touching the database. When a reload fails the provider
 * keeps answering from its last snapshot and reports itself STALE until a reload succeeds again.
 */
class PostgresFlagProvider extends EventProvider {

	private static final Logger log = LoggerFactory.getLogger(PostgresFlagProvider.class);

	/** Everything one evaluation needs, swapped whole so that a reader never sees half a reload. */
	record Snapshot(long revision, Map<String, Flag> flags) {
		static final Snapshot EMPTY = new Snapshot(Long.MIN_VALUE, Map.of());
	}

	private final FlagSource source;
	private final Duration interval;
	private volatile Snapshot snapshot = Snapshot.EMPTY;
	private volatile boolean stale;
	private @Nullable ScheduledExecutorService refresher;

	PostgresFlagProvider(FlagSource source, Duration interval) {
		this.source = source;
		this.interval = interval;
	}

	@Override
	public Metadata getMetadata() {
		return () -> "returnit-postgres";
	}

	/** Loads the flags once, then keeps them fresh in the background; a database away at start is retried. */
	@Override
	public void initialize(EvaluationContext context) {
		refresh();
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
			.name("flags-refresh").daemon(true).factory());
		long millis = Math.max(1, interval.toMillis());
		executor.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
		refresher = executor;
	}

	@Override
	public void shutdown() {
		if (refresher != null) {
			refresher.shutdownNow();
		}
		super.shutdown();
	}

	/** Reloads when the revision moved; never throws, so that the schedule goes on through an outage. */
	void refresh() {
		try {
			long revision = source.revision();
			Snapshot current = snapshot;
			if (revision != current.revision()) {
				Snapshot next = new Snapshot(revision, source.all().stream()
					.collect(Collectors.toUnmodifiableMap(Flag::key, Function.identity())));
				snapshot = next;
				Set<String> changed = changedKeys(current, next);
				if (current != Snapshot.EMPTY && !changed.isEmpty()) {
					emitProviderConfigurationChanged(ProviderEventDetails.builder()
						.flagsChanged(java.util.List.copyOf(changed)).message("flags reloaded").build());
				}
			}
			if (stale) {
				stale = false;
				log.info("Feature flags reloaded again; evaluating from revision {}", revision);
				emitProviderReady(ProviderEventDetails.builder().message("flags reloaded").build());
			}
		}
		catch (RuntimeException e) {
			if (!stale) {
				stale = true;
				log.warn("Feature flags could not be reloaded ({}); evaluating from the last snapshot", e.toString());
				emitProviderStale(ProviderEventDetails.builder().message("reload failed: " + e.getMessage()).build());
			}
		}
	}

	/** The flags of the current snapshot. */
	Map<String, Flag> flags() {
		return snapshot.flags();
	}

	Optional<Flag> flag(String key) {
		return Optional.ofNullable(snapshot.flags().get(key));
	}

	@Override
	public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue,
			EvaluationContext context) {
		Flag flag = snapshot.flags().get(key);
		if (flag == null) {
			return ProviderEvaluation.<Boolean>builder().value(defaultValue).reason(Reason.ERROR.name())
				.errorCode(ErrorCode.FLAG_NOT_FOUND).errorMessage("no flag " + key).build();
		}
		Resolution resolution = flag.evaluate(target(context));
		return ProviderEvaluation.<Boolean>builder().value(resolution.value()).variant(resolution.variant())
			.reason(resolution.reason().name()).build();
	}

	@Override
	public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext context) {
		return mismatch(key, defaultValue);
	}

	@Override
	public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue,
			EvaluationContext context) {
		return mismatch(key, defaultValue);
	}

	@Override
	public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext context) {
		return mismatch(key, defaultValue);
	}

	@Override
	public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext context) {
		return mismatch(key, defaultValue);
	}

	/** The context's attributes as a flag target: the targeting key, and role, merchantId, serviceAreaId. */
	static FlagTarget target(EvaluationContext context) {
		return new FlagTarget(blankToNull(context.getTargetingKey()), text(context, "role"),
				uuid(context, "merchantId"), uuid(context, "serviceAreaId"));
	}

	private static <T> ProviderEvaluation<T> mismatch(String key, T defaultValue) {
		return ProviderEvaluation.<T>builder().value(defaultValue).reason(Reason.ERROR.name())
			.errorCode(ErrorCode.TYPE_MISMATCH).errorMessage("flag " + key + " is boolean").build();
	}

	private static Set<String> changedKeys(Snapshot before, Snapshot after) {
		Set<String> keys = new TreeSet<>(before.flags().keySet());
		keys.addAll(after.flags().keySet());
		keys.removeIf(key -> Objects.equals(before.flags().get(key), after.flags().get(key)));
		return keys;
	}

	private static @Nullable String text(EvaluationContext context, String name) {
		Value value = context.getValue(name);
		return value == null || !value.isString() ? null : blankToNull(value.asString());
	}

	private static @Nullable UUID uuid(EvaluationContext context, String name) {
		String text = text(context, name);
		if (text == null) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
