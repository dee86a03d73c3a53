package com.returnit.policy.internal;

import com.returnit.policy.internal.domain.ServiceArea;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ServiceAreaRepository {

	private static final TypeReference<List<double[]>> POLYGON = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	ServiceAreaRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(ServiceArea area) {
		jdbc.sql("""
				INSERT INTO service_areas (id, name, polygon, min_lat, max_lat, min_lng, max_lng, created_at)
				VALUES (:id, :name, CAST(:polygon AS jsonb), :minLat, :maxLat, :minLng, :maxLng, :created)""")
			.param("id", area.id()).param("name", area.name())
			.param("polygon", json.writeValueAsString(area.polygon()))
			.param("minLat", area.minLat()).param("maxLat", area.maxLat())
			.param("minLng", area.minLng()).param("maxLng", area.maxLng())
			.param("created", Timestamp.from(area.createdAt()))
			.update();
	}

	/** Answers false when there is no such area. */
	boolean update(ServiceArea area) {
		return jdbc.sql("""
				UPDATE service_areas SET name = :name, polygon = CAST(:polygon AS jsonb), min_lat = :minLat,
				max_lat = :maxLat, min_lng = :minLng, max_lng = :maxLng WHERE id = :id""")
			.param("id", area.id()).param("name", area.name())
			.param("polygon", json.writeValueAsString(area.polygon()))
			.param("minLat", area.minLat()).param("maxLat", area.maxLat())
			.param("minLng", area.minLng()).param("maxLng", area.maxLng())
			.update() == 1;
	}

	java.util.Optional<ServiceArea> find(UUID id) {
		return jdbc.sql("SELECT * FROM service_areas WHERE id = :id").param("id", id).query(this::map).optional();
	}

	java.util.Optional<UUID> findIdByName(String name) {
		return jdbc.sql("SELECT id FROM service_areas WHERE name = :name ORDER BY id LIMIT 1")
			.param("name", name).query(UUID.class).optional();
	}

	List<ServiceArea> all() {
		return jdbc.sql("SELECT * FROM service_areas ORDER BY id").query(this::map).list();
	}

	private ServiceArea map(ResultSet rs, int row) throws SQLException {
		return new ServiceArea(rs.getObject("id", UUID.class), rs.getString("name"),
				json.readValue(rs.getString("polygon"), POLYGON), rs.getTimestamp("created_at").toInstant());
	}
}
