package com.returnit.operations.internal;

import com.returnit.platform.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A small filter chain ahead of the API's (ADR 0017). {@code /actuator/prometheus} answers only a request that
 * carries the scrape token ({@code Authorization: Bearer <returnit.operations.scrape-token>}, what Prometheus sends
 * with {@code authorization.credentials_file}); with no token configured nobody may scrape.
 */
@Configuration(proxyBeanMethods = false)
class ScrapeSecurity {

	@Bean
	@Order(1)
	SecurityFilterChain prometheusScrape(HttpSecurity http, OperationsProperties properties) throws Exception {
		byte[] token = properties.scrapeToken().getBytes(StandardCharsets.UTF_8);
		return stateless(http.securityMatcher("/actuator/prometheus"))
			.authorizeHttpRequests(authorize -> authorize
				.requestMatchers(request -> token.length > 0 && carries(request, token)).permitAll()
				.anyRequest().denyAll())
			.exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> ProblemResponses
				.write(response, HttpStatus.UNAUTHORIZED, "Scraping needs the scrape token.", request.getRequestURI()))
				.authenticationEntryPoint((request, response, e) -> ProblemResponses.write(response,
						HttpStatus.UNAUTHORIZED, "Scraping needs the scrape token.", request.getRequestURI())))
			.build();
	}

	private static HttpSecurity stateless(HttpSecurity http) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
	}

	private static boolean carries(HttpServletRequest request, byte[] token) {
		String header = request.getHeader("Authorization");
		return header != null && header.startsWith("Bearer ")
				&& MessageDigest.isEqual(header.substring(7).getBytes(StandardCharsets.UTF_8), token);
	}
}
