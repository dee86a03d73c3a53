package com.returnit.demo;

import com.returnit.identity.Accounts;
import com.returnit.identity.ApiKeys;
import com.returnit.identity.MemberRole;
import com.returnit.identity.MerchantMembers;
import com.returnit.identity.Role;
import com.returnit.merchants.Billing;
import com.returnit.merchants.Merchant;
import com.returnit.merchants.Merchants;
import com.returnit.policy.ReturnPolicy;
import com.returnit.policy.ServiceAreas;
import com.returnit.slots.PickupSchedules;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With {@code returnit.demo.enabled=true} (the quick-start command sets it), creates a working setup once and
 * prints how to use it. Running again finds what exists and issues a fresh demo API key.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("returnit.demo.enabled")
class DemoData implements ApplicationRunner {

	static final String OPERATOR_EMAIL = "operator@demo.returnit.local";
	/** Operators must use a second factor; the demo's is public, like its password. */
	static final String OPERATOR_TOTP_SECRET = "DEMOOPERATORTOTPSECRETRETURNIT23";
	/** The demo merchant's admin: a member of its staff (ADR 0044), who must use a second factor too. */
	static final String MERCHANT_ADMIN_EMAIL = "merchant-admin@demo.returnit.local";
	static final String MERCHANT_ADMIN_TOTP_SECRET = "DEMOMERCHANTADMINTOTPSECRETRETUR";
	static final String CUSTOMER_EMAIL = "customer@demo.returnit.local";
	/** A driver for a person to be (the simulated ones are driver1..n): made by {@link DemoFleet}, never simulated. */
	static final String DRIVER_EMAIL = "driver@demo.returnit.local";
	static final String PASSWORD = "demo-password-123";
	static final String MERCHANT = "Alpine Outfitters (demo)";
	static final String CUSTOMER_PAID_MERCHANT = "Nordic Knitwear (demo, customers pay)";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final Accounts accounts;
	private final Merchants merchants;
	private final ApiKeys apiKeys;
	private final MerchantMembers members;
	private final ServiceAreas areas;
	private final PickupSchedules schedules;
	private final Environment environment;

	DemoData(Accounts accounts, Merchants merchants, ApiKeys apiKeys, MerchantMembers members, ServiceAreas areas,
			PickupSchedules schedules, Environment environment) {
		this.members = members;
		this.schedules = schedules;
		this.accounts = accounts;
		this.merchants = merchants;
		this.apiKeys = apiKeys;
		this.areas = areas;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		accounts.provisionTotp(accounts.ensure(Role.OPERATOR, OPERATOR_EMAIL, PASSWORD, "Demo Operator"),
				OPERATOR_TOTP_SECRET);
		accounts.ensure(Role.CUSTOMER, CUSTOMER_EMAIL, PASSWORD, "Dana Demo");
		var area = areas.defineIfAbsent("Berlin (demo)",
				List.of(new double[] { 52.60, 13.10 }, new double[] { 52.60, 13.70 }, new double[] { 52.38, 13.70 },
						new double[] { 52.38, 13.10 }));
		schedules.defineIfAbsent(area, demoSchedule());
		Merchant merchant = merchants.findByName(MERCHANT).orElseGet(() -> merchants.connect(demoMerchant()).merchant());
		Merchant customerPaid = merchants.findByName(CUSTOMER_PAID_MERCHANT)
			.orElseGet(() -> merchants.connect(customerPaidMerchant()).merchant());
		accounts.provisionTotp(members.ensure(merchant.id(), MERCHANT_ADMIN_EMAIL, PASSWORD, "Dani Demo-Admin",
				MemberRole.ADMIN), MERCHANT_ADMIN_TOTP_SECRET);
		String key = apiKeys.issue(merchant.id()).secret();
		String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
		log.info("""

				==== ReturnIt demo is ready at {} ====
				  API docs:       {}/swagger-ui.html
				  Operations:     {}/ops
				  Operator login: {} / {} with a TOTP code; add secret {} to an authenticator app
				  Customer login: {} / {}
				  Driver login:   {} / {} at {}/driver (a phone-sized window; start a shift in Berlin)
				  Merchant:       {} (id {})
				  Merchant key:   {}
				  Merchant admin: {} / {} with a TOTP code; add secret {} to an authenticator app
				  Customers pay:  {} (id {}): book with "paymentMethod": "tok_visa"
				  Try: curl -s -X POST {}/v1/auth/token -H 'Content-Type: application/json' \\
				         -d '{"email":"{}","password":"{}"}'
				""", base, base, base, OPERATOR_EMAIL, PASSWORD, OPERATOR_TOTP_SECRET, CUSTOMER_EMAIL, PASSWORD, DRIVER_EMAIL, PASSWORD, base, merchant.name(), merchant.id(), key,
				MERCHANT_ADMIN_EMAIL, PASSWORD, MERCHANT_ADMIN_TOTP_SECRET,
				customerPaid.name(), customerPaid.id(),
				base, CUSTOMER_EMAIL, PASSWORD);
	}

	/** Every day 08:00-20:00 in Berlin, two-hour windows of 40 pickups, booked at least an hour ahead. */
	private static PickupSchedules.Definition demoSchedule() {
		return new PickupSchedules.Definition("Europe/Berlin", 120, 40, 60, Arrays.stream(DayOfWeek.values())
			.map(day -> new PickupSchedules.Hours(day.name().toLowerCase(Locale.ROOT), "08:00", "20:00"))
			.toList());
	}

	private static Merchants.NewMerchant customerPaidMerchant() {
		Merchants.NewMerchant template = demoMerchant();
		return new Merchants.NewMerchant(CUSTOMER_PAID_MERCHANT, template.returnPolicy(), template.hubs(),
				Billing.CUSTOMER_PAYS, "/demo/nordic-knitwear.svg");
	}

	private static Merchants.NewMerchant demoMerchant() {
		ReturnPolicy policy = new ReturnPolicy(30, List.of("underwear", "gift_card"), 10, 200_000,
				List.of(new ReturnPolicy.CustomRule("swimwear_tags",
						"item.category != \"swimwear\" || item.tagsAttached",
						"Swimwear can only be returned with its hygiene tags attached.")));
		return new Merchants.NewMerchant(MERCHANT, policy,
				List.of(new Merchants.NewHub("Berlin returns hub", "Lager 1, 10115 Berlin", 52.5321, 13.3849, "Berlin")),
				Billing.MERCHANT_PAYS, "/demo/alpine-outfitters.svg");
	}
}
