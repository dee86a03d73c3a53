package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.orders.internal.domain.Order;
import com.returnit.orders.internal.domain.OrderItem;
import com.returnit.orders.internal.domain.OrderStatus;
import com.returnit.orders.internal.proof.ImageType;
import com.returnit.orders.internal.proof.ProofKind;
import com.returnit.orders.internal.proof.ProofProperties;
import com.returnit.orders.internal.proof.ProofStore;
import com.returnit.platform.Conflict;
import com.returnit.platform.Forbidden;
import com.returnit.platform.Ids;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * The photos and signatures of a pickup: added by the order's driver while the job is theirs (assigned, en route or
 * just picked up), read by whoever may see the order. The body is read outside any transaction (a phone's upload may
 * be slow), and never past the limit: nothing is stored unless it is a whole, accepted image within the limit.
 */
@Service
class PickupProofFiles {

	private static final Set<OrderStatus> OPEN_FOR_PROOF = Set.of(OrderStatus.ASSIGNED, OrderStatus.EN_ROUTE,
			OrderStatus.PICKED_UP);

	private final OrderService orders;
	private final ProofStore store;
	private final ProofProperties properties;
	private final Clock clock;

	PickupProofFiles(OrderService orders, ProofStore store, ProofProperties properties, Clock clock) {
		this.orders = orders;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	ProofStore.Info add(Caller caller, UUID orderId, ProofKind kind, @Nullable String sku, long declaredLength,
			InputStream body) throws IOException {
		Order order = orders.get(caller, orderId);
		if (caller.role() != Role.DRIVER) {
			throw new Forbidden("Only the order's driver adds pickup proof.");
		}
		if (!OPEN_FOR_PROOF.contains(order.status())) {
			throw Conflict.withCode("The order is " + order.status().code()
					+ "; proof is added while it is assigned, en route or picked up.", "order_not_open_for_proof");
		}
		if (sku != null && order.booking().items().stream().map(OrderItem::sku).noneMatch(sku::equals)) {
			throw InvalidInput.unprocessable("sku", "is not an item of this order");
		}
		long limit = properties.limitFor(kind);
		if (declaredLength > limit) {
			throw tooLarge(kind, limit);
		}
		byte[] content = body.readNBytes((int) limit + 1);
		if (content.length > limit) {
			throw tooLarge(kind, limit);
		}
		if (content.length == 0) {
			throw InvalidInput.badRequest("body", "must be the image's bytes (JPEG, PNG or WebP)");
		}
		String type = ImageType.of(content).orElseThrow(PickupProofFiles::notAnImage);
		ProofStore.Info info = new ProofStore.Info(Ids.newId(clock), orderId, kind, sku, type, content.length,
				caller.id(), clock.instant());
		if (!store.save(new ProofStore.File(info, content), properties.maxFilesPerOrder())) {
			throw Conflict.withCode("The order already holds " + properties.maxFilesPerOrder() + " proof files.",
					"proof_files_full");
		}
		return info;
	}

	ProofStore.File file(Caller caller, UUID orderId, UUID fileId) {
		orders.get(caller, orderId);
		return store.find(orderId, fileId).orElseThrow(() -> new NotFound("Proof file"));
	}

	/** The order as the caller sees it, with its proof files. */
	Proof proof(Caller caller, UUID orderId) {
		Order order = orders.get(caller, orderId);
		return new Proof(order, store.list(orderId));
	}

	record Proof(Order order, List<ProofStore.Info> files) {
	}

	private static ErrorResponseException tooLarge(ProofKind kind, long limit) {
		return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, ProblemDetail.forStatusAndDetail(
				HttpStatus.CONTENT_TOO_LARGE, "A " + kind.code() + " may be at most " + limit + " bytes."), null);
	}

	private static ErrorResponseException notAnImage() {
		return new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemDetail.forStatusAndDetail(
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Proof must be a JPEG, PNG or WebP image (told by its content)."),
				null);
	}
}
