package com.returnit.operations.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the DataSource so that every statement is timed at the JDBC level ({@link TimedStatements}): one taking at
 * least {@code returnit.operations.slow-query} is logged as a warning with its SQL (never its parameters, which may
 * be personal data) and counted. Works the same for the embedded and an external PostgreSQL (ADR 0017).
 */
class SlowQueryLog implements BeanPostProcessor, TimedStatements.Listener {

	private static final Logger log = LoggerFactory.getLogger(SlowQueryLog.class);

	private final long thresholdMs;
	private final ObjectProvider<MeterRegistry> meters;
	private volatile Counter slow;

	SlowQueryLog(long thresholdMs, ObjectProvider<MeterRegistry> meters) {
		this.thresholdMs = thresholdMs;
		this.meters = meters;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof TimedStatements)) {
			return new TimedStatements(dataSource, thresholdMs, this);
		}
		return bean;
	}

	@Override
	public void slow(String statement, long elapsedMillis) {
		counter().increment();
		String sql = statement.replaceAll("\\s+", " ").trim();
		log.atWarn().addKeyValue("db.statement", sql).addKeyValue("duration.ms", elapsedMillis)
			.log("Slow query: {} ms: {}", elapsedMillis, sql);
	}

	private Counter counter() {
		Counter counter = slow;
		if (counter == null) {
			counter = meters.getObject().counter("returnit.db.slow.queries");
			slow = counter;
		}
		return counter;
	}
}
