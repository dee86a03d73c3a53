package com.returnit.push.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PushEndpointTests {

	private static final Set<String> SERVICES = Set.of("fcm.googleapis.com", "push.apple.com");
	private static final Predicate<String> KNOWN = host -> SERVICES.stream()
		.anyMatch(service -> host.equals(service) || host.endsWith("." + service));

	@Test
	void anHttpsEndpointOnAKnownPushServiceOrItsSubdomainIsCalled() {
		assertThat(PushEndpoint.whyRefused("https://fcm.googleapis.com/fcm/send/abc", KNOWN, false)).isEmpty();
		assertThat(PushEndpoint.whyRefused("https://web.push.apple.com/QGx", KNOWN, false)).isEmpty();
	}

	@Test
	void lookalikeHostsUserInfoAndOtherSchemesAreRefused() {
		for (String endpoint : new String[] { "https://fcm.googleapis.com.evil.example/x", "https://evilpush.apple.com/x",
				"https://fcm.googleapis.com@evil.example/x", "http://fcm.googleapis.com/x", "ftp://push.apple.com/x",
				"https://169.254.169.254/latest", "https://localhost/x", "/relative", "https:///x" }) {
			assertThat(PushEndpoint.whyRefused(endpoint, KNOWN, true)).as(endpoint).isPresent();
		}
	}

	@Test
	void plainHttpToTheLoopbackAddressOnlyWhereAllowed() {
		assertThat(PushEndpoint.whyRefused("http://127.0.0.1:8089/push/1", KNOWN, false)).isPresent();
		assertThat(PushEndpoint.whyRefused("http://127.0.0.1:8089/push/1", KNOWN, true)).isEmpty();
		assertThat(PushEndpoint.whyRefused("http://127.0.0.1.nip.io/push/1", KNOWN, true)).isPresent();
		assertThat(PushEndpoint.whyRefused("http://10.0.0.1/push/1", KNOWN, true)).isPresent();
	}
}
