package com.returnit.places.internal;

import com.returnit.places.SavedAddresses.SavedAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SavedAddressRepository {

	private final JdbcClient jdbc;

	SavedAddressRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Until the caller's transaction ends, no other transaction changes this customer's addresses. */
	void lock(UUID customerId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('saved_addresses:' || CAST(:c AS text), 0))")
			.param("c", customerId).query().singleValue();
	}

	List<SavedAddress> of(UUID customerId) {
		return jdbc.sql("SELECT * FROM saved_addresses WHERE customer_id = :c ORDER BY id DESC")
			.param("c", customerId).query(SavedAddressRepository::map).list();
	}

	int count(UUID customerId) {
		return jdbc.sql("SELECT count(*) FROM saved_addresses WHERE customer_id = :c").param("c", customerId)
			.query(Integer.class).single();
	}

	Optional<SavedAddress> findByText(UUID customerId, String address) {
		return jdbc.sql("SELECT * FROM saved_addresses WHERE customer_id = :c AND lower(address) = lower(:a)")
			.param("c", customerId).param("a", address).query(SavedAddressRepository::map).optional();
	}

	void insert(UUID customerId, SavedAddress saved) {
		jdbc.sql("""
				INSERT INTO saved_addresses (id, customer_id, label, address, lat, lng, created_at)
				VALUES (:id, :c, :label, :address, :lat, :lng, :created)""")
			.param("id", saved.id()).param("c", customerId).param("label", saved.label())
			.param("address", saved.address()).param("lat", saved.lat()).param("lng", saved.lng())
			.param("created", Timestamp.from(saved.createdAt()))
			.update();
	}

	boolean delete(UUID customerId, UUID id) {
		return jdbc.sql("DELETE FROM saved_addresses WHERE id = :id AND customer_id = :c")
			.param("id", id).param("c", customerId).update() == 1;
	}

	int deleteAll(UUID customerId) {
		return jdbc.sql("DELETE FROM saved_addresses WHERE customer_id = :c").param("c", customerId).update();
	}

	private static SavedAddress map(ResultSet rs, int row) throws SQLException {
		return new SavedAddress(rs.getObject("id", UUID.class), rs.getString("label"), rs.getString("address"),
				rs.getDouble("lat"), rs.getDouble("lng"), rs.getTimestamp("created_at").toInstant());
	}
}
