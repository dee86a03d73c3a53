package com.returnit.flags.internal;

import com.returnit.flags.FlagTarget;
import com.returnit.flags.Flags;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/** {@link Flags} through the OpenFeature client, so that hooks (the evaluation counter) see every evaluation. */
@Service
class OpenFeatureFlags implements Flags {

	private final Client client;
	private final PostgresFlagProvider provider;

	OpenFeatureFlags(OpenFeatureAPI openFeature, PostgresFlagProvider provider) {
		this.client = openFeature.getClient("returnit");
		this.provider = provider;
	}

	@Override
	public boolean isOn(String key, FlagTarget target, boolean defaultValue) {
		return client.getBooleanValue(key, defaultValue, context(target));
	}

	/** Every flag this node knows, evaluated for the target, by key. */
	Map<String, Boolean> evaluateAll(FlagTarget target) {
		EvaluationContext context = context(target);
		Map<String, Boolean> values = new LinkedHashMap<>();
		for (String key : new TreeSet<>(provider.flags().keySet())) {
			values.put(key, client.getBooleanValue(key, false, context));
		}
		return values;
	}

	static EvaluationContext context(FlagTarget target) {
		Map<String, Value> attributes = new HashMap<>();
		if (target.role() != null) {
			attributes.put("role", new Value(target.role()));
		}
		if (target.merchantId() != null) {
			attributes.put("merchantId", new Value(target.merchantId().toString()));
		}
		if (target.serviceAreaId() != null) {
			attributes.put("serviceAreaId", new Value(target.serviceAreaId().toString()));
		}
		return target.targetingKey() == null ? new ImmutableContext(attributes)
				: new ImmutableContext(target.targetingKey(), attributes);
	}
}
