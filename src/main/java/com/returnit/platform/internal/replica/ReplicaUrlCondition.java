package com.returnit.platform.internal.replica;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when a read replica is configured: {@code returnit.replica.url} (RETURNIT_REPLICA_URL) has text. */
class ReplicaUrlCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return StringUtils.hasText(context.getEnvironment().getProperty("returnit.replica.url"));
	}
}
