package com.returnit.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HeaderFirewallTests {

	/** Spring Security's own rule for header names and values, which the loop replaces. */
	static final Pattern SPRING_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	@Test
	void headersAreAllowedExactlyWhenSpringSecuritysExpressionWouldAllowThem() {
		for (String value : new String[] { "", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig", "Zoë Müller", "東京", "😀 emoji",
				"tab\there", "bell\u0007", "nul\u0000", "del\u007f", "c1\u0085", "unassigned\u0378", "noncharacter\uffff",
				"lone\ud800surrogate" }) {
			assertThat(HeaderFirewall.isPrintable(value)).as(value).isEqualTo(SPRING_RULE.matcher(value).matches());
		}
	}
}
