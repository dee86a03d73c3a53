package com.returnit.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Spring Security observations at all: the property {@code management.observations.enable.spring.security=false}
 * only turns them into no-ops, and the filter chain was still wrapped filter by filter (about a tenth of a ping
 * request's CPU in a JFR profile, {@code PROFILE=1 bench/pings/run.sh}). Requests are still observed once each as
 * {@code http.server.requests}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

	@Bean
	SecurityObservationSettings noSpringSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}
}
