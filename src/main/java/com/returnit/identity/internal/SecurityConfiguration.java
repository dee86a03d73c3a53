package com.returnit.identity.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.returnit.identity.MemberRole;
import com.returnit.platform.ProblemResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Stateless bearer authentication: JWT access tokens for people, {@code rk_} API keys for merchants. Role checks on
 * routes here; per-object checks (another tenant's order is a 404) in each module.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The only routes a guest of a return link may call (ADR 0035); what each answers a guest (that session's order
	 * only) is decided where the order is read, for every caller alike. Every other route refuses guests.
	 */
	static final String[] GUEST_POSTS = { "/v1/quotes", "/v1/orders", "/v1/orders/*/cancel" };

	static final String[] GUEST_GETS = { "/v1/orders", "/v1/orders/*", "/v1/orders/*/events", "/v1/orders/*/tracking",
			"/v1/orders/*/tracking-link", "/v1/orders/*/proof", "/v1/orders/*/proof/files/*", "/v1/slots", "/v1/slots/**", "/v1/places/**", "/v1/stream" };

	private static final String[] PEOPLE_AND_GUESTS = { "CUSTOMER", "DRIVER", "MERCHANT", "OPERATOR",
			CallerAuthentication.GUEST };

	/**
	 * What a merchant's support member may not do (ADR 0044): API keys, webhook endpoints, the return policy,
	 * statements, refunds, the merchant's members and its branding. Everyone else with a role passes on to the route's
	 * own checks.
	 */
	static final String[] ADMIN_ONLY = { "/v1/merchants/*/api-keys", "/v1/merchants/*/api-keys/**",
			"/v1/webhook-endpoints", "/v1/webhook-endpoints/**", "/v1/merchants/*/return-policy",
			"/v1/merchants/*/return-policy/**", "/v1/merchants/*/statements/**", "/v1/merchants/*/members",
			"/v1/merchants/*/members/**", "/v1/merchants/*/invitations", "/v1/merchants/*/invitations/**",
			"/v1/merchants/*/branding", "/v1/merchants/*/logo" };

	static final String SUPPORT_REFUSED = "A support member may not do this: API keys, webhooks, the return policy, "
			+ "statements, refunds, members and branding are for the merchant's admins.";

	static final String GUEST_REFUSED = "Verify your email to use your account: POST /v1/customers/claims";

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiKeyStore apiKeys, JwtDecoder jwtDecoder, ActiveMembers members,
			CorsProperties cors, @Value("${returnit.payments.provider:sandbox}") String paymentProvider) throws Exception {
		AuthenticationManager bearer = new ProviderManager(new ApiKeyAuthenticationProvider(apiKeys),
				jwtProvider(jwtDecoder, members));
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// CORS as Spring does it, but a refused origin is told so in problem+json like every other refusal
			.cors(AbstractHttpConfigurer::disable)
			.addFilterAfter(ProblemCors.filter(cors.source()), org.springframework.security.web.header.HeaderWriterFilter.class)
			.headers(headers -> SecurityHeaders.apply(headers, "stripe".equalsIgnoreCase(paymentProvider.trim())))
			.authorizeHttpRequests(authorize -> authorize
				.requestMatchers(POST, "/v1/customers", "/v1/auth/token", "/v1/auth/refresh", "/v1/auth/logout",
						"/v1/customers/claims", "/v1/customers/claims/*", "/v1/email-verifications/*",
						"/v1/public/return-sessions/*/access", "/v1/public/merchant-invitations/*/accept")
				.permitAll()
				.requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
						"/actuator/health", "/actuator/health/**", "/actuator/info", "/v1/public/**", "/v1/slots",
						"/.well-known/jwks.json")
				.permitAll()
				// what a customer needs before logging in (a return link may bring them with no account): the merchant
				// directory, merchants' brands and logos and address search, counted in the anonymous rate-limit tier by IP
				.requestMatchers(GET, "/v1/merchants", "/v1/merchants/*/brand", "/v1/merchants/*/logo", "/v1/places/search",
						"/v1/places/reverse")
				.permitAll()
				.requestMatchers("/error").permitAll()
				// feature flags: anyone may ask which are on for them (the web app does before login); only operators
				// manage them
				.requestMatchers(GET, "/v1/flags/evaluated").permitAll()
				// the VAPID public key is public by nature; push subscriptions are the driver's own
				.requestMatchers(GET, "/v1/push/vapid-public-key").permitAll()
				.requestMatchers("/v1/drivers/me/push-subscriptions", "/v1/drivers/me/push-subscriptions/**")
				.hasRole("DRIVER")
				.requestMatchers("/v1/flags", "/v1/flags/**").hasRole("OPERATOR")
				.requestMatchers("/v1/auth/mfa/**").hasAnyAuthority("MFA_ENROLMENT", "ROLE_CUSTOMER", "ROLE_DRIVER",
						"ROLE_MERCHANT", "ROLE_OPERATOR")
				.requestMatchers(POST, "/v1/drivers", "/v1/merchants", "/v1/service-areas", "/v1/signing-keys/rotate")
				.hasRole("OPERATOR")
				.requestMatchers(GET, "/v1/audit-events").hasRole("OPERATOR")
				.requestMatchers(POST, "/v1/dispatch/**").hasRole("OPERATOR")
				.requestMatchers(PUT, "/v1/service-areas/*", "/v1/service-areas/*/schedule").hasRole("OPERATOR")
				.requestMatchers("/v1/customers/me", "/v1/customers/me/**").hasRole("CUSTOMER")
				.requestMatchers("/v1/return-sessions", "/v1/return-sessions/**").hasRole("MERCHANT")
				// the policy's history is for support to read too; changing or previewing it is not
				.requestMatchers(GET, "/v1/merchants/*/return-policy/versions")
				.hasAnyRole("CUSTOMER", "DRIVER", "MERCHANT", "OPERATOR")
				.requestMatchers(ADMIN_ONLY).access(notSupport())
				.requestMatchers(POST, "/v1/orders/*/refunds").access(notSupport())
				// the CSV export is the merchant's and the operators' (a customer's or driver's own list stays JSON)
				.requestMatchers(GET, "/v1/orders/export.csv").hasAnyRole("MERCHANT", "OPERATOR")
				.requestMatchers(POST, GUEST_POSTS).hasAnyRole(PEOPLE_AND_GUESTS)
				.requestMatchers(GET, GUEST_GETS).hasAnyRole(PEOPLE_AND_GUESTS)
				// the rest of the API needs a role; these patterns match the path as Spring MVC decodes it, so that
				// "/%761/..." is the API too and never the web app below
				.requestMatchers("/v1/**", "/v3/**", "/actuator/**", "/.well-known/**")
				.hasAnyRole("CUSTOMER", "DRIVER", "MERCHANT", "OPERATOR")
				// the web app: its pages, assets and deep links are public; everything they show comes from the API
				.requestMatchers(GET, "/**").permitAll()
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

	private static JwtAuthenticationProvider jwtProvider(JwtDecoder decoder, ActiveMembers members) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(jwt -> CallerAuthentication.of(jwt, members));
		return provider;
	}

	/** Any role, except a merchant's support member. */
	private static AuthorizationManager<RequestAuthorizationContext> notSupport() {
		AuthorizationManager<RequestAuthorizationContext> roles = AuthorityAuthorizationManager.hasAnyRole("CUSTOMER",
				"DRIVER", "MERCHANT", "OPERATOR");
		return (authentication, context) -> {
			AuthorizationResult byRole = roles.authorize(authentication, context);
			if (byRole == null || !byRole.isGranted()) {
				return byRole;
			}
			return new AuthorizationDecision(!isSupport(authentication.get()));
		};
	}

	private static boolean isSupport(@Nullable Authentication authentication) {
		return authentication != null && authentication.getAuthorities().stream()
			.anyMatch(a -> (CallerAuthentication.MEMBER_PREFIX + MemberRole.SUPPORT.name()).equals(a.getAuthority()));
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
		return (request, response, e) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN, refusal(),
				request.getRequestURI());
	}

	private static String refusal() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		if (auth instanceof CallerAuthentication caller && caller.enrolOnly()) {
			return "Set up two-factor authentication first: POST /v1/auth/mfa/totp, then /v1/auth/mfa/totp/confirm.";
		}
		if (auth instanceof CallerAuthentication caller && caller.getPrincipal().isGuest()) {
			return GUEST_REFUSED;
		}
		if (isSupport(auth)) {
			return SUPPORT_REFUSED;
		}
		return "Your role may not do this.";
	}
}
