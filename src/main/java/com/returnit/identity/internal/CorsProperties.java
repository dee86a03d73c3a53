package com.returnit.identity.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Browsers on these origins may call the API (exact origins, no wildcards); with none configured, no cross-origin
 * call is allowed. Credentials are bearer tokens, never cookies, so {@code allowCredentials} stays off.
 */
@ConfigurationProperties("returnit.security.cors")
record CorsProperties(List<String> allowedOrigins) {

	CorsProperties {
		allowedOrigins = allowedOrigins == null ? List.of()
				: allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
	}

	CorsConfigurationSource source() {
		CorsConfiguration config = new CorsConfiguration();
		config.setAllowedOrigins(allowedOrigins);
		config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
		config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "ReturnIt-Read-After"));
		config.setExposedHeaders(List.of("Location", "Retry-After", "RateLimit", "RateLimit-Policy",
				"Idempotent-Replayed", "ReturnIt-Read-After"));
		config.setAllowCredentials(false);
		config.setMaxAge(Duration.ofMinutes(10));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/v1/**", config);
		source.registerCorsConfiguration("/.well-known/**", config);
		return source;
	}
}
