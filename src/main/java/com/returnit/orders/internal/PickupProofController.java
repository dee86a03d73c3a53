package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.orders.internal.domain.ItemOutcome;
import com.returnit.orders.internal.proof.ProofKind;
import com.returnit.orders.internal.proof.ProofStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Photos and the signature of a pickup. Uploads are the image's bytes as the request body (any Content-Type; the type
 * is told by the content: JPEG, PNG or WebP), one file per request, optionally naming the item a photo shows. Files
 * are served only to those who may see the order, never sniffed, cached only privately.
 */
@RestController
@Tag(name = "Driver actions")
class PickupProofController {

	/** A stored proof file; {@code url} is where those who may see the order GET its bytes. */
	record ProofFileView(UUID id, String kind, @Nullable String sku, String contentType, int sizeBytes, String url,
			Instant createdAt) {

		static ProofFileView of(ProofStore.Info info) {
			return new ProofFileView(info.id(), info.kind().code(), info.sku(), info.contentType(), info.sizeBytes(),
					"/v1/orders/" + info.orderId() + "/proof/files/" + info.id(), info.createdAt());
		}
	}

	/** The pickup's proof: each item's outcome at the door, and the photos and signatures, oldest first. */
	record PickupProofView(UUID orderId, String status, @Nullable UUID driverId, List<ItemOutcome> items,
			List<ProofFileView> files) {
	}

	private static final String IMAGE_BODY = "The image's bytes: JPEG, PNG or WebP (told by its first bytes)";

	private final PickupProofFiles proof;

	PickupProofController(PickupProofFiles proof) {
		this.proof = proof;
	}

	@PostMapping("/v1/orders/{id}/proof/photos")
	@Operation(summary = "The assigned driver adds a photo to the pickup's proof (201); over the size limit 413, "
			+ "not a JPEG/PNG/WebP 415, nothing stored either way",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = IMAGE_BODY,
					required = true, content = { @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")) }))
	ResponseEntity<ProofFileView> addPhoto(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Parameter(description = "The item the photo shows (its sku); absent for the whole pickup")
			@RequestParam(required = false) @Nullable @Size(max = 100) String sku,
			HttpServletRequest request) throws IOException {
		return created(proof.add(caller, id, ProofKind.PHOTO, sku, request.getContentLengthLong(),
				request.getInputStream()));
	}

	@PostMapping("/v1/orders/{id}/proof/signature")
	@Operation(summary = "The assigned driver adds the customer's signature (an image) to the pickup's proof (201); "
			+ "over the size limit 413, not a JPEG/PNG/WebP 415, nothing stored either way",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = IMAGE_BODY,
					required = true, content = { @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")) }))
	ResponseEntity<ProofFileView> addSignature(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			HttpServletRequest request) throws IOException {
		return created(proof.add(caller, id, ProofKind.SIGNATURE, null, request.getContentLengthLong(),
				request.getInputStream()));
	}

	@GetMapping("/v1/orders/{id}/proof")
	@Operation(summary = "The pickup's proof: item outcomes and the photo and signature files with their URLs "
			+ "(the order's customer, merchant, driver and operators)")
	PickupProofView view(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		PickupProofFiles.Proof seen = proof.proof(caller, id);
		return new PickupProofView(seen.order().id(), seen.order().status().code(), seen.order().driverId(),
				seen.order().itemOutcomes(), seen.files().stream().map(ProofFileView::of).toList());
	}

	@GetMapping("/v1/orders/{id}/proof/files/{fileId}")
	@Operation(summary = "A proof file's bytes, for those who may see the order; never sniffed, cached privately")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The image",
			content = { @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")) })
	void file(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID fileId,
			HttpServletResponse response) throws IOException {
		ProofStore.File file = proof.file(caller, id, fileId);
		response.setStatus(200);
		response.setContentType(file.info().contentType());
		response.setContentLength(file.content().length);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
		response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline");
		response.getOutputStream().write(file.content());
	}

	private static ResponseEntity<ProofFileView> created(ProofStore.Info info) {
		ProofFileView view = ProofFileView.of(info);
		return ResponseEntity.created(URI.create(view.url())).body(view);
	}
}
