package com.returnit.web.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web app reads once at start: where map tiles come from, whether addresses can be searched (else the
 * customer drops a pin), which payment provider takes cards, and the demo's logins when the demo runs. Settings of
 * other modules are read by their property names: this is configuration, not behaviour.
 */
@RestController
@Tag(name = "Web app")
class WebConfigController {

	record MapConfig(String tileUrl, String attribution, int maxZoom, java.util.List<Double> center) {
	}

	record PaymentsConfig(String provider, @Nullable String stripePublishableKey) {
	}

	record DemoLogin(String role, String email, String password) {
	}

	record WebConfig(MapConfig map, boolean addressSearch, PaymentsConfig payments, java.util.List<DemoLogin> demoLogins) {
	}

	private final WebConfig config;

	WebConfigController(WebProperties properties, Environment environment) {
		String geocoder = environment.getProperty("returnit.geocoder.provider", "none");
		String provider = environment.getProperty("returnit.payments.provider", "sandbox");
		String publishable = environment.getProperty("returnit.payments.stripe.publishable-key", "");
		boolean demo = properties.showDemoLogins() && environment.getProperty("returnit.demo.enabled", Boolean.class, false);
		this.config = new WebConfig(
				new MapConfig(properties.map().tileUrl(), properties.map().attribution(), properties.map().maxZoom(),
						properties.map().center()),
				!"none".equalsIgnoreCase(geocoder.trim()) && !geocoder.isBlank(),
				new PaymentsConfig(provider, publishable.isBlank() ? null : publishable),
				demo ? java.util.List.of(new DemoLogin("customer", "customer@demo.returnit.local", "demo-password-123"))
						: java.util.List.of());
	}

	@GetMapping("/v1/public/web-config")
	@Operation(summary = "What the web app needs to start: map tiles, address search, payment provider", security = {})
	WebConfig config() {
		return config;
	}
}
