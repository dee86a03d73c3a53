package com.returnit.merchants.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Merchants' logos, in the database beside the merchant (256 KiB at most; V22 says why). */
@Repository
class LogoStore {

	/** A stored logo: its bytes, their type, and their SHA-256 in hex (the ETag and the URL's version). */
	record Logo(String contentType, byte[] bytes, String sha256) {
	}

	private final JdbcClient jdbc;

	LogoStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void put(UUID merchantId, Logo logo, Instant at) {
		jdbc.sql("""
				INSERT INTO merchant_logos (merchant_id, content_type, bytes, sha256, updated_at)
				VALUES (:merchant, :type, :bytes, :sha, :at)
				ON CONFLICT (merchant_id) DO UPDATE SET content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes,
				  sha256 = EXCLUDED.sha256, updated_at = EXCLUDED.updated_at""")
			.param("merchant", merchantId).param("type", logo.contentType()).param("bytes", logo.bytes())
			.param("sha", logo.sha256()).param("at", Timestamp.from(at))
			.update();
	}

	Optional<Logo> find(UUID merchantId) {
		return jdbc.sql("SELECT content_type, bytes, sha256 FROM merchant_logos WHERE merchant_id = :merchant")
			.param("merchant", merchantId)
			.query((rs, n) -> new Logo(rs.getString(1), rs.getBytes(2), rs.getString(3)))
			.optional();
	}

	boolean delete(UUID merchantId) {
		return jdbc.sql("DELETE FROM merchant_logos WHERE merchant_id = :merchant").param("merchant", merchantId)
			.update() == 1;
	}
}
