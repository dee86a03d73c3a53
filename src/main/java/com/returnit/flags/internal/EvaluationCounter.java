package com.returnit.flags.internal;

import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;

/**
 * Counts every evaluation as {@code returnit.flags.evaluations{flag, variant}}; a flag that does not exist (the code's
 * default was served) counts as variant "default". Flag keys come from code and operators, so the tags stay few.
 */
class EvaluationCounter implements Hook<Object> {

	static final String METER = "returnit.flags.evaluations";

	private final MeterRegistry meters;

	EvaluationCounter(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void finallyAfter(HookContext<Object> context, FlagEvaluationDetails<Object> details,
			Map<String, Object> hints) {
		String variant = details.getVariant() == null ? "default" : details.getVariant();
		Counter.builder(METER).description("Feature flag evaluations, by flag and variant served")
			.tag("flag", context.getFlagKey()).tag("variant", variant).register(meters).increment();
	}
}
