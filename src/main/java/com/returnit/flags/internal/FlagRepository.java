package com.returnit.flags.internal;

import com.returnit.flags.internal.domain.Flag;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The flags table; a trigger moves feature_flag_revision with every change, which is what nodes poll. */
@Repository
class FlagRepository implements FlagSource {

	private final JdbcClient jdbc;

	FlagRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long revision() {
		return jdbc.sql("SELECT revision FROM feature_flag_revision").query(Long.class).single();
	}

	@Override
	public List<Flag> all() {
		return jdbc.sql("SELECT * FROM feature_flags ORDER BY key").query(FlagRepository::map).list();
	}

	Optional<Flag> lock(String key) {
		return jdbc.sql("SELECT * FROM feature_flags WHERE key = :key FOR UPDATE").param("key", key)
			.query(FlagRepository::map).optional();
	}

	Optional<Flag> find(String key) {
		return jdbc.sql("SELECT * FROM feature_flags WHERE key = :key").param("key", key)
			.query(FlagRepository::map).optional();
	}

	/** Inserts or replaces the flag as given (its version and updatedAt included). */
	void save(Flag flag) {
		jdbc.sql("""
				INSERT INTO feature_flags (key, description, enabled, rollout_basis_points, roles, merchant_ids,
				  service_area_ids, default_variant, version, created_at, updated_at)
				VALUES (:key, :description, :enabled, :rollout, :roles, CAST(:merchants AS uuid[]), CAST(:areas AS uuid[]),
				  :variant, :version, :at, :at)
				ON CONFLICT (key) DO UPDATE SET description = excluded.description, enabled = excluded.enabled,
				  rollout_basis_points = excluded.rollout_basis_points, roles = excluded.roles,
				  merchant_ids = excluded.merchant_ids, service_area_ids = excluded.service_area_ids,
				  default_variant = excluded.default_variant, version = excluded.version, updated_at = excluded.updated_at""")
			.param("key", flag.key()).param("description", flag.description()).param("enabled", flag.enabled())
			.param("rollout", flag.rolloutBasisPoints())
			.param("roles", flag.roles().stream().sorted().toArray(String[]::new))
			.param("merchants", flag.merchantIds().stream().map(UUID::toString).sorted().toArray(String[]::new))
			.param("areas", flag.serviceAreaIds().stream().map(UUID::toString).sorted().toArray(String[]::new))
			.param("variant", flag.defaultOn() ? "on" : "off").param("version", flag.version())
			.param("at", Timestamp.from(flag.updatedAt()))
			.update();
	}

	boolean delete(String key) {
		return jdbc.sql("DELETE FROM feature_flags WHERE key = :key").param("key", key).update() > 0;
	}

	private static Flag map(ResultSet rs, int row) throws SQLException {
		return new Flag(rs.getString("key"), rs.getString("description"), rs.getBoolean("enabled"),
				rs.getInt("rollout_basis_points"), strings(rs.getArray("roles")),
				uuids(rs.getArray("merchant_ids")), uuids(rs.getArray("service_area_ids")),
				"on".equals(rs.getString("default_variant")), rs.getLong("version"),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static Set<String> strings(Array array) throws SQLException {
		// copyOf, not Set.of: a list edited by hand in psql may repeat an entry
		return Set.copyOf(Arrays.asList((String[]) array.getArray()));
	}

	private static Set<UUID> uuids(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).collect(Collectors.toSet());
	}
}
