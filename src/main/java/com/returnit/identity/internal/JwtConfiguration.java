package com.returnit.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
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

	@Bean
	RSAKey jwtSigningKey(SigningKeys keys) {
		return keys.current();
	}

	@Bean
	JwtEncoder jwtEncoder(RSAKey key) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
	}

	@Bean
	JwtDecoder jwtDecoder(RSAKey key, TokenProperties properties) throws JOSEException {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey())
			.signatureAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
				JwtValidators.createDefaultWithIssuer(properties.issuer()),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						aud -> aud != null && aud.contains(properties.audience())),
				new JwtClaimValidator<Object>(JwtClaimNames.SUB, sub -> sub != null),
				new JwtClaimValidator<Object>("role", role -> role != null),
				lifetimeCap())));
		return decoder;
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
