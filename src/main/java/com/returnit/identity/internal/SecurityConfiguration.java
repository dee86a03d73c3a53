package com.returnit.identity.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.returnit.platform.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Stateless bearer authentication: JWT access tokens for people, {@code rk_} API keys for merchants. Role checks on
 * routes here; per-object checks (another tenant's order is a 404) in each module.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiKeyStore apiKeys, JwtDecoder jwtDecoder, CorsProperties cors)
			throws Exception {
		AuthenticationManager bearer = new ProviderManager(new ApiKeyAuthenticationProvider(apiKeys),
				jwtProvider(jwtDecoder));
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors(c -> c.configurationSource(cors.source()))
			.headers(SecurityHeaders::apply)
			.authorizeHttpRequests(authorize -> authorize
				.requestMatchers(POST, "/v1/customers", "/v1/auth/token", "/v1/auth/refresh").permitAll()
				.requestMatchers(GET, "/", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
						"/actuator/health", "/actuator/health/**", "/actuator/info", "/track/*", "/track.js",
						"/track.css", "/v1/public/tracking/*", "/.well-known/jwks.json")
				.permitAll()
				// what a customer needs before logging in (a return link may bring them with no account): the merchant
				// directory and address search, counted in the anonymous rate-limit tier by IP
				.requestMatchers(GET, "/v1/merchants", "/v1/places/search", "/v1/places/reverse").permitAll()
				.requestMatchers("/error").permitAll()
				.requestMatchers("/v1/auth/mfa/**").authenticated()
				.requestMatchers(POST, "/v1/drivers", "/v1/merchants", "/v1/service-areas", "/v1/signing-keys/rotate")
				.hasRole("OPERATOR")
				.requestMatchers(GET, "/v1/audit-events").hasRole("OPERATOR")
				.requestMatchers("/v1/customers/me", "/v1/customers/me/**").hasRole("CUSTOMER")
				.anyRequest().hasAnyRole("CUSTOMER", "DRIVER", "MERCHANT", "OPERATOR"))
			.oauth2ResourceServer(resource -> resource
				.bearerTokenResolver(new BearerTokens())
				.authenticationManagerResolver(request -> bearer)
				.authenticationEntryPoint(unauthorized())
				.accessDeniedHandler(forbidden()))
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint(unauthorized())
				.accessDeniedHandler(forbidden()));
		return http.build();
	}

	/** URLs Spring Security's firewall refuses (encoded slashes, path traversal) get a 400 problem+json. */
	@Bean
	org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
		return (request, response, e) -> ProblemResponses.write(response, HttpStatus.BAD_REQUEST,
				"The request URL is not allowed.", "");
	}

	private static JwtAuthenticationProvider jwtProvider(JwtDecoder decoder) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(CallerAuthentication::of);
		return provider;
	}

	private static AuthenticationEntryPoint unauthorized() {
		return (request, response, e) -> {
			response.setHeader("WWW-Authenticate", "Bearer");
			ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
					"Authentication is required: send 'Authorization: Bearer <token or API key>'.",
					request.getRequestURI());
		};
	}

	private static AccessDeniedHandler forbidden() {
		return (request, response, e) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN,
				enrolOnly() ? "Set up two-factor authentication first: POST /v1/auth/mfa/totp, then /v1/auth/mfa/totp/confirm."
						: "Your role may not do this.",
				request.getRequestURI());
	}

	private static boolean enrolOnly() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return auth instanceof CallerAuthentication caller && caller.enrolOnly();
	}
}
