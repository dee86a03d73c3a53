package com.returnit.platform.internal.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.returnit.platform.internal.DatabaseUnavailable;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Module event listeners ({@code @ApplicationModuleListener}, asynchronous after commit) run on a bounded pool
 * instead of one new virtual thread each: under a burst of bookings, unbounded listeners took every pooled
 * connection and requests timed out with 503 (ADR 0025). When the queue is full a run starts on a virtual thread of
 * its own, never on the publishing thread: that thread still holds its committed transaction's connection, and
 * twenty of them each waiting for a second connection deadlocked the pool under a burst of bookings (ADR 0030).
 * Back-pressure comes from {@link ListenerBacklogFilter}, which refuses writes long before the queue is full.
 *
 * <p>The pool is not a context bean, so it takes no part in the lifecycle's early stop: it keeps accepting the work
 * of requests still draining, and is shut down when this configuration is destroyed, which happens before the
 * connection pool and the event registry it depends on. Runs still queued after {@code shutdown-wait} stay
 * incomplete in the registry and are resubmitted by another node or at the next start.
 */
@Configuration(proxyBeanMethods = false)
@DependsOn("eventPublicationRegistry")
class ListenerExecution implements AsyncConfigurer, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ListenerExecution.class);

	private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

	private final Counter overflowed;

	/** Depends on the data source and (by name) the event registry, so that it is destroyed before either. */
	ListenerExecution(EventsProperties properties, MeterRegistry meters, DataSource dataSource) {
		pool.setThreadNamePrefix("listener-");
		pool.setVirtualThreads(true);
		pool.setCorePoolSize(properties.listenerConcurrency());
		pool.setMaxPoolSize(properties.listenerConcurrency());
		pool.setQueueCapacity(properties.listenerQueue());
		pool.setRejectedExecutionHandler(this::overflow);
		pool.setWaitForTasksToCompleteOnShutdown(true);
		pool.setAwaitTerminationMillis(properties.shutdownWait().toMillis());
		pool.initialize();
		Gauge.builder("returnit.events.listeners.active", pool, ThreadPoolTaskExecutor::getActiveCount)
			.description("module event listeners running on this node").register(meters);
		Gauge.builder("returnit.events.listeners.queued", pool, p -> p.getThreadPoolExecutor().getQueue().size())
			.description("module event listener runs waiting for a slot on this node").register(meters);
		overflowed = Counter.builder("returnit.events.listeners.overflowed")
			.description("module event listener runs started on a thread of their own, the queue being full")
			.register(meters);
	}

	private void overflow(Runnable run, ThreadPoolExecutor executor) {
		if (!executor.isShutdown()) {
			overflowed.increment();
			Thread.ofVirtual().name("listener-overflow").start(run);
		}
	}

	@Override
	public Executor getAsyncExecutor() {
		return pool;
	}

	/** A failed run stays failed in the registry and is retried ({@link FailedPublicationRetry}): say so, briefly. */
	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return (error, method, arguments) -> {
			String listener = method.getDeclaringClass().getSimpleName() + "." + method.getName();
			if (DatabaseUnavailable.causedBy(error)) {
				log.warn("Event listener {} failed, database unavailable; it will be retried: {}", listener,
						error.getMessage());
			}
			else {
				log.error("Event listener {} failed; it will be retried", listener, error);
			}
		};
	}

	@Override
	public void destroy() {
		int queued = pool.getThreadPoolExecutor().getQueue().size();
		if (queued + pool.getActiveCount() > 0) {
			log.info("Finishing {} running and {} queued event listener runs before stopping", pool.getActiveCount(),
					queued);
		}
		pool.shutdown();
	}
}
