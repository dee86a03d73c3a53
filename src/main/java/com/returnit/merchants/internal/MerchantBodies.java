package com.returnit.merchants.internal;

import com.returnit.identity.ApiKeys;
import com.returnit.merchants.Billing;
import com.returnit.merchants.Hub;
import com.returnit.merchants.Merchant;
import com.returnit.merchants.Merchants;
import com.returnit.merchants.PolicyBody;
import com.returnit.policy.PolicyVersion;
import com.returnit.policy.ReturnPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the merchants API. */
final class MerchantBodies {

	private MerchantBodies() {
	}

	/** An https URL, or a path on the web app's own origin ("/logos/shop.svg"); never another scheme. */
	static final String LOGO_URL = "^(https://[^/\\s?#]+([/?#]\\S*)?|/[^/\\s]\\S*)$";

	/**
	 * {@code billing}: customer_pays or merchant_pays (the default); {@code logoUrl}: optional, an https URL or a path
	 * starting with a single {@code /}.
	 */
	record MerchantBody(@NotBlank @Size(max = 200) String name, @NotNull @Valid PolicyBody returnPolicy,
			@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid HubBody> hubs, @Nullable Billing billing,
			@Nullable @Size(max = 500) @Pattern(regexp = LOGO_URL,
					message = "must be an https URL or a path starting with /") String logoUrl) {

		Merchants.NewMerchant toNewMerchant() {
			return new Merchants.NewMerchant(name, returnPolicy.toPolicy(),
					hubs.stream().map(h -> new Merchants.NewHub(h.name(), h.address(), h.lat(), h.lng(), h.city()))
						.toList(),
					billing == null ? Billing.MERCHANT_PAYS : billing, logoUrl);
		}
	}

	/** {@code city}: optional; without it, the address's last part without the postcode ("10115 Berlin" -> Berlin). */
	record HubBody(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 500) String address,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double lng, @Nullable @Size(max = 100) String city) {
	}

	/** {@code lateCancellationFeeCents} null: the platform's default fee. */
	record PolicyView(int version, int windowDays, List<String> excludedCategories, int maxItems,
			long maxItemValueCents, List<ReturnPolicy.CustomRule> rules, @Nullable Long lateCancellationFeeCents,
			Instant createdAt) {

		static PolicyView of(PolicyVersion version) {
			ReturnPolicy p = version.policy();
			return new PolicyView(version.version(), p.windowDays(), p.excludedCategories(), p.maxItems(),
					p.maxItemValueCents(), p.rules(), p.lateCancellationFeeCents(), version.createdAt());
		}
	}

	/** Every saved version of a merchant's return policy, newest first. */
	record PolicyVersionsView(List<PolicyView> data) {
	}

	/** {@code brandColor}: {@code #rrggbb} or null; {@code logoUrl}: the uploaded logo's URL, or another, or null. */
	record MerchantView(UUID id, String name, @Nullable String logoUrl, @Nullable String brandColor, List<Hub> hubs,
			PolicyView returnPolicy, Billing billing, Instant createdAt, ApiKeys.@Nullable IssuedKey apiKey) {

		static MerchantView of(Merchant merchant, PolicyVersion policy, ApiKeys.@Nullable IssuedKey key) {
			return new MerchantView(merchant.id(), merchant.name(), merchant.logoUrl(), merchant.brandColor(),
					merchant.hubs(), PolicyView.of(policy), merchant.billing(), merchant.createdAt(), key);
		}
	}

	/** One merchant in the public directory: what a customer picks a shop by. */
	record DirectoryEntry(UUID id, String name, @Nullable String logoUrl, @Nullable String brandColor,
			List<String> cities, boolean customerPays) {
	}

	/** {@code brandColor}: {@code #rrggbb} (any case; stored in lower case), or null to clear it. */
	record BrandingBody(@Nullable @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "must be a colour as #rrggbb")
			String brandColor) {
	}

	/** What a customer's pages show of a merchant: public, as the directory is. */
	record BrandView(UUID id, String name, @Nullable String logoUrl, @Nullable String brandColor) {
	}

	/** Where the logo just uploaded is read; {@code v} changes with its bytes, so it may be cached for long. */
	record LogoView(String logoUrl) {
	}

	/** A page of the directory, by name; {@code startingAfter} the last id of this page gives the next. */
	record DirectoryPage(List<DirectoryEntry> data, boolean hasMore) {
	}
}
