package com.returnit.merchants.internal;

import com.returnit.identity.Caller;
import com.returnit.merchants.internal.domain.LogoImage;
import com.returnit.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A merchant's brand colour and logo. The logo is uploaded as the raw body (PNG, JPEG or WebP, checked by its first
 * bytes too, 256 KiB at most) and read by anyone, as customers' pages show it before they log in.
 */
@RestController
@RequestMapping("/v1/merchants/{id}")
@Tag(name = "Merchants")
class BrandingController {

	private static final String TYPES = "image/png, image/jpeg or image/webp";

	private final BrandingService branding;
	private final MerchantService merchants;

	BrandingController(BrandingService branding, MerchantService merchants) {
		this.branding = branding;
		this.merchants = merchants;
	}

	@GetMapping("/brand")
	@Operation(summary = "The merchant's name, logo and brand colour, as its customers see them (no login)",
			security = {})
	MerchantBodies.BrandView brand(@PathVariable UUID id) {
		return merchants.find(id).map(m -> new MerchantBodies.BrandView(m.id(), m.name(), m.logoUrl(), m.brandColor()))
			.orElseThrow(() -> new NotFound("Merchant"));
	}

	@PutMapping("/branding")
	@Operation(summary = "Set (or with null clear) the brand colour shown to the merchant's customers; answers the merchant")
	MerchantBodies.MerchantView changeBranding(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody MerchantBodies.BrandingBody body) {
		return branding.changeColor(caller, id, body.brandColor());
	}

	@PutMapping("/logo")
	@Operation(summary = "Upload the logo as the raw body: image/png, image/jpeg or image/webp (no SVG), at most 256 KiB",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
					@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")) }))
	MerchantBodies.LogoView putLogo(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
			HttpServletRequest request) throws IOException {
		merchants.visible(caller, id);
		LogoImage format = format(contentType);
		if (request.getContentLengthLong() > LogoImage.MAX_BYTES) {
			throw tooLarge();
		}
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes(LogoImage.MAX_BYTES + 1);
		}
		if (bytes.length > LogoImage.MAX_BYTES) {
			throw tooLarge();
		}
		if (!format.matches(bytes)) {
			throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"The body is not a " + format.name() + " image: its first bytes are not those of " + format.contentType() + ".");
		}
		return new MerchantBodies.LogoView(branding.putLogo(caller, id, format, bytes));
	}

	@DeleteMapping("/logo")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove the logo")
	void deleteLogo(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		branding.deleteLogo(caller, id);
	}

	@GetMapping("/logo")
	@Operation(summary = "The merchant's logo, as uploaded (no login; cached for a day, revalidated by ETag)",
			security = {})
	ResponseEntity<byte[]> logo(@PathVariable UUID id,
			@RequestHeader(value = "If-None-Match", required = false) @Nullable String ifNoneMatch) {
		LogoStore.Logo logo = branding.logo(id).orElseThrow(() -> new NotFound("Logo"));
		String etag = "\"" + logo.sha256() + "\"";
		boolean unchanged = ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag));
		var answer = (unchanged ? ResponseEntity.status(HttpStatus.NOT_MODIFIED) : ResponseEntity.ok()).eTag(etag)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.header("X-Content-Type-Options", "nosniff");
		return unchanged ? answer.build() : answer.contentType(MediaType.parseMediaType(logo.contentType())).body(logo.bytes());
	}

	private static LogoImage format(@Nullable String contentType) {
		if (contentType == null) {
			throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the logo with Content-Type " + TYPES + ".");
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return LogoImage.ofContentType(type.getType() + "/" + type.getSubtype()).orElseThrow(
					() -> refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "A logo is " + TYPES + " (no SVG)."));
		}
		catch (InvalidMediaTypeException e) {
			throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the logo with Content-Type " + TYPES + ".");
		}
	}

	private static ErrorResponseException tooLarge() {
		return refused(HttpStatus.CONTENT_TOO_LARGE, "A logo is at most " + LogoImage.MAX_BYTES + " bytes (256 KiB).");
	}

	private static ErrorResponseException refused(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return new ErrorResponseException(status, problem, null);
	}
}
