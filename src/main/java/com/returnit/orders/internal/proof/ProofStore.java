package com.returnit.orders.internal.proof;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where the photos and signatures of pickups are kept. {@link PostgresProofStore} keeps them in PostgreSQL; an object
 * store would implement the same four operations. Callers have checked who may write or read before they call.
 */
public interface ProofStore {

	/** A stored file without its content: what lists show. */
	record Info(UUID id, UUID orderId, ProofKind kind, @Nullable String sku, String contentType, int sizeBytes,
			UUID uploadedBy, Instant createdAt) {
	}

	/** A file with its content. */
	record File(Info info, byte[] content) {
	}

	/**
	 * Stores the file unless the order already holds {@code maxPerOrder} files (answers false then, storing nothing);
	 * two uploads at once cannot both take the last place.
	 */
	boolean save(File file, int maxPerOrder);

	Optional<File> find(UUID orderId, UUID fileId);

	/** The order's files, oldest first. */
	List<Info> list(UUID orderId);

	/** Removes every file of these orders (a customer's erasure); answers how many went. */
	int deleteAll(Collection<UUID> orderIds);
}
