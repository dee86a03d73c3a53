package com.returnit.identity.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * RS256 only (a fixed allowlist: "none" and HMAC tokens are refused), issuer and audience checked, and no token
 * accepted whose lifetime exceeds the 15-minute cap.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

	/** Signs with the current key only; the header names its kid. */
	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		keys.current(); // made (or loaded) at start, not in the first login: an RSA key takes a while to generate
		return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.current())));
	}

	/**
	 * Verifies with any live or recently retired key, chosen by the token's kid (reloaded when unknown), once per token
	 * and node: a verified token is remembered until it expires.
	 */
	@Bean
	VerifiedTokens jwtDecoder(SigningKeys keys, TokenProperties properties, Clock clock) {
		JWKSource<SecurityContext> source = (selector, context) -> {
			var kids = selector.getMatcher().getKeyIDs();
			List<RSAKey> candidates = kids == null || kids.isEmpty() ? keys.verificationKeys()
					: keys.verificationKeys(kids.iterator().next());
			return selector.select(new JWKSet(List.copyOf(candidates.stream().map(RSAKey::toPublicJWK).toList())));
		};
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(source)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
				JwtValidators.createDefaultWithIssuer(properties.issuer()),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						aud -> aud != null && aud.contains(properties.audience())),
				new JwtClaimValidator<Object>(JwtClaimNames.SUB, sub -> sub != null),
				new JwtClaimValidator<Object>("role", role -> role != null),
				lifetimeCap())));
		return new VerifiedTokens(decoder, clock, properties.verifiedTokens());
	}

	private static OAuth2TokenValidator<Jwt> lifetimeCap() {
		return jwt -> {
			Instant issued = jwt.getIssuedAt();
			Instant expires = jwt.getExpiresAt();
			if (issued == null || expires == null
					|| Duration.between(issued, expires).compareTo(TokenProperties.MAX_ACCESS_TTL) > 0) {
				return OAuth2TokenValidatorResult.failure(
						new OAuth2Error("invalid_token", "token lifetime missing or longer than 15 minutes", null));
			}
			return OAuth2TokenValidatorResult.success();
		};
	}
}
