package com.returnit.tracking.internal;

import com.returnit.identity.BearerCallers;
import com.returnit.platform.RateLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Location pings are answered right after the body size limit and the database-outage answer (orders +10 and +20),
 * before Spring Security's chain (-100) and MVC; their server observation is off, {@link LocationFastPath} records
 * their metric itself (ADR 0031).
 */
@Configuration(proxyBeanMethods = false)
class LocationFastPathConfiguration {

	@Bean
	FilterRegistrationBean<LocationFastPath> locationFastPath(BearerCallers callers, RateLimits limits,
			PingWriter writer, TrackingProperties properties, Clock clock, JsonMapper json, MeterRegistry meters) {
		var registration = new FilterRegistrationBean<>(
				new LocationFastPath(callers, limits, writer, properties, clock, json, meters));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		registration.addUrlPatterns(LocationFastPath.PATH);
		return registration;
	}

	@Bean
	ObservationPredicate noServerObservationOfPings() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext server
				&& LocationFastPath.isPing(server.getCarrier()));
	}
}
