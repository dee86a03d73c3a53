package com.returnit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.identity.Accounts;
import com.returnit.identity.Role;
import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TwoFactorTests extends EndToEndTest {

	private static final String PASSWORD = "operator-password-1";

	@Autowired
	Accounts accounts;

	@Test
	void anOperatorWithoutASecondFactorMayOnlyEnrolOneAndThenLogsInWithCodes() {
		String email = "operator-" + UUID.randomUUID() + "@test.returnit.local";
		accounts.ensure(Role.OPERATOR, email, PASSWORD, "Olive Operator");

		Api.Response first = login(email, null);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body().get("mfaEnrolmentRequired").asBoolean()).isTrue();
		assertThat(first.body().get("refreshToken").isNull()).isTrue();
		String restricted = first.text("accessToken");
		Api.Response refused = api.get("/v1/orders", restricted);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("detail")).contains("two-factor");
		assertThat(api.get("/v1/audit-events", restricted).status()).isEqualTo(403);

		Api.Response enrolment = api.post("/v1/auth/mfa/totp", restricted, "");
		assertThat(enrolment.status()).isEqualTo(201);
		assertThat(enrolment.text("otpauthUri")).startsWith("otpauth://totp/ReturnIt:")
			.contains("secret=" + enrolment.text("secret")).contains("period=30").contains("digits=6");
		assertThat(enrolment.body().get("recoveryCodes")).hasSize(10);
		byte[] png = Base64.getDecoder().decode(enrolment.text("qrCodePng").substring("data:image/png;base64,".length()));
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');

		Api.Response confirmed = api.post("/v1/auth/mfa/totp/confirm", restricted,
				Map.of("code", Fixtures.nextCode(enrolment.text("secret"))));
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(api.get("/v1/orders", confirmed.text("accessToken")).status()).isEqualTo(200);

		Api.Response withoutCode = login(email, null);
		assertThat(withoutCode.status()).isEqualTo(401);
		assertThat(withoutCode.body().get("codeRequired").asBoolean()).isTrue();
		assertThat(login(email, Fixtures.nextCode(enrolment.text("secret"))).status()).isEqualTo(200);
	}

	@Test
	void aCodeIsNeverAcceptedTwice() {
		var customer = fixtures.customer();
		var enrolled = fixtures.enrolTotp(customer.token());
		String code = Fixtures.nextCode(enrolled.secret());

		assertThat(customerLogin(customer.email(), code).status()).isEqualTo(200);
		assertThat(customerLogin(customer.email(), code).status()).isEqualTo(401);
	}

	@Test
	void aRecoveryCodeLogsInOnceInsteadOfTheAuthenticatorCode() {
		var customer = fixtures.customer();
		String recovery = fixtures.enrolTotp(customer.token()).recoveryCodes().getFirst();

		assertThat(customerLogin(customer.email(), recovery).status()).isEqualTo(200);
		assertThat(customerLogin(customer.email(), recovery).status()).isEqualTo(401);
	}

	@Test
	void aWrongFirstCodeDoesNotConfirmTheEnrolment() {
		var customer = fixtures.customer();
		api.post("/v1/auth/mfa/totp", customer.token(), "");
		Api.Response wrong = api.post("/v1/auth/mfa/totp/confirm", customer.token(), Map.of("code", "000000"));

		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.body().get("errors").get(0).get("field").asString()).isEqualTo("code");
		assertThat(customerLogin(customer.email(), null).status()).as("still a password login").isEqualTo(200);
	}

	@Test
	void customersNeedNoSecondFactorAndMerchantsHaveNone() {
		var customer = fixtures.customer();
		assertThat(api.get("/v1/orders", customer.token()).status()).isEqualTo(200);
		assertThat(api.post("/v1/auth/mfa/totp", fixtures.merchant("No People Shop").apiKey(), "").status()).isEqualTo(403);
	}

	@Test
	void enrolmentIsAudited() {
		var customer = fixtures.customer();
		fixtures.enrolTotp(customer.token());

		assertThat(api.get("/v1/audit-events?action=mfa.enrolled&targetId=" + customer.id(), fixtures.operatorToken())
			.body().get("data")).hasSize(1);
	}

	private Api.Response login(String email, String code) {
		var body = new java.util.HashMap<String, Object>(Map.of("email", email, "password", PASSWORD));
		if (code != null) {
			body.put("code", code);
		}
		return api.post("/v1/auth/token", null, body);
	}

	private Api.Response customerLogin(String email, String code) {
		var body = new java.util.HashMap<String, Object>(Map.of("email", email, "password", "customer-password-1"));
		if (code != null) {
			body.put("code", code);
		}
		return api.post("/v1/auth/token", null, body);
	}
}
