package com.returnit.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;

/**
 * Scheduled jobs (dispatch ticks, maintenance) fail every tick while the database is unreachable: one warning line
 * each, not an ERROR with a stack trace per tick; the job simply runs again on its next tick. Other errors are
 * logged in full as before.
 */
@Configuration(proxyBeanMethods = false)
class QuietOutageScheduling {

	private static final Logger log = LoggerFactory.getLogger(QuietOutageScheduling.class);

	private static final ErrorHandler HANDLER = error -> {
		if (DatabaseUnavailable.causedBy(error)) {
			log.warn("Scheduled task skipped, database unavailable: {}", error.getMessage());
		}
		else {
			log.error("Unexpected error occurred in scheduled task", error);
		}
	};

	@Bean
	SimpleAsyncTaskSchedulerCustomizer quietOutageVirtualThreadScheduler() {
		return scheduler -> scheduler.setErrorHandler(HANDLER);
	}

	@Bean
	ThreadPoolTaskSchedulerCustomizer quietOutagePooledScheduler() {
		return scheduler -> scheduler.setErrorHandler(HANDLER);
	}
}
