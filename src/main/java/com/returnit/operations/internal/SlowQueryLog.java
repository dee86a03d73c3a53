package com.returnit.operations.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the DataSource with datasource-proxy so that every statement is timed at the JDBC level: one taking longer
 * than {@code returnit.operations.slow-query} is logged as a warning with its SQL (never its parameters, which may
 * be personal data) and counted. Works the same for the embedded and an external PostgreSQL (ADR 0017).
 */
class SlowQueryLog implements BeanPostProcessor, QueryExecutionListener {

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
		if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
			return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(this).build();
		}
		return bean;
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
		long elapsed = execInfo.getElapsedTime();
		if (elapsed < thresholdMs) {
			return;
		}
		counter().increment();
		String sql = queries.stream().map(QueryInfo::getQuery).map(q -> q.replaceAll("\\s+", " ").trim())
			.collect(Collectors.joining("; "));
		log.atWarn().addKeyValue("db.statement", sql).addKeyValue("duration.ms", elapsed)
			.log("Slow query: {} ms: {}", elapsed, sql);
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
