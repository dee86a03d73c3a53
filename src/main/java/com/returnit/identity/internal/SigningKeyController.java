package com.returnit.identity.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public signing keys (RFC 7517) and lets operators rotate them. */
@RestController
@Tag(name = "Authentication")
class SigningKeyController {

	record Rotated(String kid) {
	}

	private final SigningKeys keys;

	SigningKeyController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/.well-known/jwks.json")
	@Operation(summary = "The public keys that verify access tokens, by kid (the current and recently retired ones)", security = {})
	Map<String, Object> jwks() {
		keys.current();
		return new JWKSet(keys.verificationKeys().stream().map(key -> (JWK) key.toPublicJWK()).toList()).toJSONObject();
	}

	@PostMapping("/v1/signing-keys/rotate")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start signing with a new key (operators); tokens signed with the old one stay valid until they expire")
	Rotated rotate() {
		return new Rotated(keys.rotate());
	}
}
