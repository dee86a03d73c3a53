package com.returnit.orders.internal.proof;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Proof files as bytea rows of {@code pickup_proof_files} (V23), stored uncompressed and out of line. */
@Repository
class PostgresProofStore implements ProofStore {

	private static final String INFO_COLUMNS = "id, order_id, kind, sku, content_type, size_bytes, uploaded_by, created_at";

	private final JdbcClient jdbc;

	PostgresProofStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public boolean save(File file, int maxPerOrder) {
		Info info = file.info();
		// the order's row lock serializes uploads to one order, so the count below cannot be raced past
		jdbc.sql("SELECT id FROM orders WHERE id = :order FOR UPDATE").param("order", info.orderId()).query(UUID.class)
			.optional();
		int held = jdbc.sql("SELECT count(*) FROM pickup_proof_files WHERE order_id = :order")
			.param("order", info.orderId()).query(Integer.class).single();
		if (held >= maxPerOrder) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO pickup_proof_files (id, order_id, kind, sku, content_type, size_bytes, content, uploaded_by,
				  created_at)
				VALUES (:id, :order, :kind, :sku, :type, :size, :content, :by, :at)""")
			.param("id", info.id()).param("order", info.orderId()).param("kind", info.kind().code())
			.param("sku", info.sku()).param("type", info.contentType()).param("size", info.sizeBytes())
			.param("content", file.content()).param("by", info.uploadedBy())
			.param("at", Timestamp.from(info.createdAt()))
			.update();
		return true;
	}

	@Override
	public Optional<File> find(UUID orderId, UUID fileId) {
		return jdbc.sql("SELECT " + INFO_COLUMNS + ", content FROM pickup_proof_files WHERE id = :id AND order_id = :order")
			.param("id", fileId).param("order", orderId)
			.query((rs, n) -> new File(info(rs), rs.getBytes("content"))).optional();
	}

	@Override
	public List<Info> list(UUID orderId) {
		return jdbc.sql("SELECT " + INFO_COLUMNS + " FROM pickup_proof_files WHERE order_id = :order ORDER BY created_at, id")
			.param("order", orderId).query((rs, n) -> info(rs)).list();
	}

	@Override
	public int deleteAll(Collection<UUID> orderIds) {
		if (orderIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("DELETE FROM pickup_proof_files WHERE order_id IN (:orders)").param("orders", orderIds).update();
	}

	private static Info info(ResultSet rs) throws SQLException {
		return new Info(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				ProofKind.fromCode(rs.getString("kind")), rs.getString("sku"), rs.getString("content_type"),
				rs.getInt("size_bytes"), rs.getObject("uploaded_by", UUID.class),
				rs.getTimestamp("created_at").toInstant());
	}
}
