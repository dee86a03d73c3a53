package com.returnit.merchants.internal;

import com.returnit.merchants.Billing;
import com.returnit.merchants.internal.MerchantBodies.DirectoryEntry;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public list of merchants, by name: {@code query} matches anywhere in the name, case-insensitively (a trigram
 * index from three characters on), pages follow (lower(name), id) from the last merchant of the previous page.
 */
@Repository
class MerchantDirectory {

	/** Where a page starts: after this merchant, whose lower-cased name is {@code name}. */
	record Cursor(String name, UUID id) {
	}

	record PageQuery(String sql, Map<String, Object> params) {
	}

	private final JdbcClient jdbc;

	MerchantDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The cursor of this merchant; empty when there is none with this id. */
	Optional<Cursor> cursorAt(UUID merchantId) {
		return jdbc.sql("SELECT lower(name), id FROM merchants WHERE id = :id").param("id", merchantId)
			.query((rs, n) -> new Cursor(rs.getString(1), rs.getObject(2, UUID.class))).optional();
	}

	@Transactional(readOnly = true)
	List<DirectoryEntry> page(@Nullable String query, @Nullable Cursor after, int limit) {
		PageQuery page = pageQuery(query, after, limit);
		return jdbc.sql(page.sql()).params(page.params())
			.query((rs, n) -> new DirectoryEntry(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("logo_url"), rs.getString("brand_color"), cities(rs.getArray("cities")),
					Billing.fromCode(rs.getString("billing")) == Billing.CUSTOMER_PAYS))
			.list();
	}

	static PageQuery pageQuery(@Nullable String query, @Nullable Cursor after, int limit) {
		StringBuilder sql = new StringBuilder("""
				SELECT m.id, m.name, m.logo_url, m.brand_color, m.billing,
				  ARRAY(SELECT DISTINCT h.city FROM hubs h WHERE h.merchant_id = m.id AND h.city IS NOT NULL
				        ORDER BY h.city) AS cities
				FROM merchants m WHERE true""");
		Map<String, Object> params = new LinkedHashMap<>();
		if (query != null) {
			sql.append(" AND lower(m.name) LIKE lower(:pattern) ESCAPE '\\'");
			params.put("pattern", "%" + escapeLike(query) + "%");
		}
		if (after != null) {
			sql.append(" AND (lower(m.name), m.id) > (:afterName, :afterId)");
			params.put("afterName", after.name());
			params.put("afterId", after.id());
		}
		sql.append(" ORDER BY lower(m.name), m.id LIMIT :limit");
		params.put("limit", limit);
		return new PageQuery(sql.toString(), params);
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static List<String> cities(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
	}
}
