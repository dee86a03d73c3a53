package com.returnit.merchants.internal;

import com.returnit.identity.Caller;
import com.returnit.merchants.Merchant;
import com.returnit.merchants.internal.domain.LogoImage;
import com.returnit.platform.AuditLog;
import com.returnit.platform.NotFound;
import com.returnit.policy.Policies;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merchant's brand as its customers see it: a colour and a logo. The logo's URL is kept in the merchant's
 * {@code logo_url}, so that every place that shows the merchant (directory, return link, tracking) shows it.
 */
@Service
class BrandingService {

	private final MerchantService merchants;
	private final MerchantRepository repository;
	private final LogoStore logos;
	private final Policies policies;
	private final AuditLog audit;
	private final Clock clock;

	BrandingService(MerchantService merchants, MerchantRepository repository, LogoStore logos, Policies policies,
			AuditLog audit, Clock clock) {
		this.merchants = merchants;
		this.repository = repository;
		this.logos = logos;
		this.policies = policies;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	MerchantBodies.MerchantView changeColor(Caller caller, UUID id, @Nullable String brandColor) {
		merchants.visible(caller, id);
		String color = brandColor == null ? null : brandColor.toLowerCase(Locale.ROOT);
		repository.setBrandColor(id, color);
		merchants.changed(id);
		audit.record("merchant.branding_changed", "merchant", id,
				color == null ? Map.of() : Map.of("brandColor", color));
		Merchant merchant = repository.find(id).orElseThrow(() -> new NotFound("Merchant"));
		return MerchantBodies.MerchantView.of(merchant, policies.current(id), null);
	}

	/** Stores a logo whose bytes were checked against its type; answers where it is read. */
	@Transactional
	String putLogo(Caller caller, UUID id, LogoImage format, byte[] bytes) {
		merchants.visible(caller, id);
		String sha256 = sha256(bytes);
		logos.put(id, new LogoStore.Logo(format.contentType(), bytes, sha256), clock.instant());
		String url = "/v1/merchants/" + id + "/logo?v=" + sha256.substring(0, 16);
		repository.setLogoUrl(id, url);
		merchants.changed(id);
		audit.record("merchant.logo_changed", "merchant", id,
				Map.of("contentType", format.contentType(), "bytes", bytes.length, "sha256", sha256));
		return url;
	}

	@Transactional
	void deleteLogo(Caller caller, UUID id) {
		merchants.visible(caller, id);
		if (!logos.delete(id)) {
			throw new NotFound("Logo");
		}
		repository.setLogoUrl(id, null);
		merchants.changed(id);
		audit.record("merchant.logo_removed", "merchant", id, Map.of());
	}

	@Transactional(readOnly = true)
	Optional<LogoStore.Logo> logo(UUID id) {
		return logos.find(id);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
