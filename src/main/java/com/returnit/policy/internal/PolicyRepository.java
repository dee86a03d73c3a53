package com.returnit.policy.internal;

import com.returnit.policy.PolicyVersion;
import com.returnit.policy.ReturnPolicy;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class PolicyRepository {

	private static final TypeReference<List<ReturnPolicy.CustomRule>> RULES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	PolicyRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Appends the next version; the primary key makes two concurrent saves fail rather than share a number. */
	PolicyVersion append(UUID merchantId, ReturnPolicy policy, java.time.Instant now) {
		int version = jdbc.sql("""
				INSERT INTO return_policies
				  (merchant_id, version, window_days, excluded_categories, max_items, max_item_value_cents, rules,
				   late_cancellation_fee_cents, created_at)
				SELECT :merchant, coalesce(max(version), 0) + 1, :window, :excluded, :maxItems, :maxValue,
				       CAST(:rules AS jsonb), :lateFee, :now
				FROM return_policies WHERE merchant_id = :merchant
				RETURNING version""")
			.param("merchant", merchantId)
			.param("window", policy.windowDays())
			.param("excluded", policy.excludedCategories().toArray(String[]::new))
			.param("maxItems", policy.maxItems())
			.param("maxValue", policy.maxItemValueCents())
			.param("rules", json.writeValueAsString(policy.rules()))
			.param("lateFee", policy.lateCancellationFeeCents(), java.sql.Types.BIGINT)
			.param("now", Timestamp.from(now))
			.query(Integer.class).single();
		return new PolicyVersion(merchantId, version, policy, now);
	}

	Optional<PolicyVersion> current(UUID merchantId) {
		return jdbc.sql("SELECT * FROM return_policies WHERE merchant_id = :m ORDER BY version DESC LIMIT 1")
			.param("m", merchantId).query(this::map).optional();
	}

	List<PolicyVersion> versions(UUID merchantId) {
		return jdbc.sql("SELECT * FROM return_policies WHERE merchant_id = :m ORDER BY version DESC")
			.param("m", merchantId).query(this::map).list();
	}

	private PolicyVersion map(ResultSet rs, int row) throws SQLException {
		Array excluded = rs.getArray("excluded_categories");
		ReturnPolicy policy = new ReturnPolicy(rs.getInt("window_days"),
				Arrays.asList((String[]) excluded.getArray()), rs.getInt("max_items"),
				rs.getLong("max_item_value_cents"), json.readValue(rs.getString("rules"), RULES),
				rs.getObject("late_cancellation_fee_cents", Long.class));
		return new PolicyVersion(rs.getObject("merchant_id", UUID.class), rs.getInt("version"), policy,
				rs.getTimestamp("created_at").toInstant());
	}
}
