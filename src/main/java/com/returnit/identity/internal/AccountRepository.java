package com.returnit.identity.internal;

import com.returnit.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the account; false when the email is taken (case-insensitively). */
	boolean insert(Account account) {
		Account.Vehicle vehicle = account.vehicle();
		return jdbc.sql("""
				INSERT INTO accounts (id, role, email, password_hash, name, phone, vehicle_type, vehicle_capacity, created_at)
				VALUES (:id, :role, :email, :hash, :name, :phone, :vtype, :vcap, :created)
				ON CONFLICT DO NOTHING""")
			.param("id", account.id())
			.param("role", account.role().code())
			.param("email", account.email())
			.param("hash", account.passwordHash())
			.param("name", account.name())
			.param("phone", account.phone())
			.param("vtype", vehicle == null ? null : vehicle.type().code())
			.param("vcap", vehicle == null ? null : vehicle.capacityParcels())
			.param("created", Timestamp.from(account.createdAt()))
			.update() == 1;
	}

	Optional<Account> findByEmail(String email) {
		return jdbc.sql("SELECT * FROM accounts WHERE lower(email) = lower(:email)")
			.param("email", email).query(AccountRepository::map).optional();
	}

	Optional<Account> findById(UUID id) {
		return jdbc.sql("SELECT * FROM accounts WHERE id = :id").param("id", id).query(AccountRepository::map).optional();
	}

	List<Account> findAllById(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM accounts WHERE id IN (:ids)").param("ids", ids).query(AccountRepository::map)
			.list();
	}

	boolean emailVerified(UUID id) {
		return jdbc.sql("SELECT email_verified_at IS NOT NULL FROM accounts WHERE id = :id").param("id", id)
			.query(Boolean.class).optional().orElse(false);
	}

	/** Records that the owner proved they read the account's mailbox; the first time counts. */
	void markEmailVerified(UUID id, Instant at) {
		jdbc.sql("UPDATE accounts SET email_verified_at = coalesce(email_verified_at, :at) WHERE id = :id")
			.param("id", id).param("at", Timestamp.from(at)).update();
	}

	/**
	 * Gives a password-less customer a password (and a name, when given), which also proves their email: false when
	 * the account has a password already, or is erased.
	 */
	boolean claim(UUID id, String passwordHash, @Nullable String name, Instant at) {
		return jdbc.sql("""
				UPDATE accounts SET password_hash = :hash, name = coalesce(:name, name),
				  email_verified_at = coalesce(email_verified_at, :at)
				WHERE id = :id AND role = 'customer' AND password_hash IS NULL AND erased_at IS NULL""")
			.param("id", id).param("hash", passwordHash).param("name", name).param("at", Timestamp.from(at))
			.update() == 1;
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		String vehicleType = rs.getString("vehicle_type");
		Account.Vehicle vehicle = vehicleType == null ? null
				: new Account.Vehicle(Account.VehicleType.fromCode(vehicleType), rs.getInt("vehicle_capacity"));
		return new Account(rs.getObject("id", UUID.class), Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
				rs.getString("email"), rs.getString("password_hash"), rs.getString("name"), rs.getString("phone"),
				vehicle, rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("erased_at") == null ? null : rs.getTimestamp("erased_at").toInstant());
	}
}
