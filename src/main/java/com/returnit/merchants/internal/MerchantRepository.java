package com.returnit.merchants.internal;

import com.returnit.merchants.Billing;
import com.returnit.merchants.Hub;
import com.returnit.merchants.Merchant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MerchantRepository {

	private final JdbcClient jdbc;

	MerchantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Merchant merchant) {
		jdbc.sql("""
				INSERT INTO merchants (id, name, created_at, billing, logo_url)
				VALUES (:id, :name, :created, :billing, :logo)""")
			.param("id", merchant.id()).param("name", merchant.name()).param("billing", merchant.billing().code())
			.param("created", Timestamp.from(merchant.createdAt())).param("logo", merchant.logoUrl())
			.update();
		for (Hub hub : merchant.hubs()) {
			jdbc.sql("""
					INSERT INTO hubs (id, merchant_id, name, address, lat, lng, city)
					VALUES (:id, :merchant, :name, :address, :lat, :lng, :city)""")
				.param("id", hub.id()).param("merchant", merchant.id()).param("name", hub.name())
				.param("address", hub.address()).param("lat", hub.lat()).param("lng", hub.lng())
				.param("city", hub.city())
				.update();
		}
	}

	Optional<Merchant> find(UUID id) {
		return jdbc.sql("SELECT name, created_at, billing, logo_url, brand_color FROM merchants WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Merchant(id, rs.getString(1), hubs(id), rs.getTimestamp(2).toInstant(),
					Billing.fromCode(rs.getString(3)), rs.getString(4), rs.getString(5)))
			.optional();
	}

	/** Sets the brand colour ({@code #rrggbb} in lower case) or clears it; false when there is no such merchant. */
	boolean setBrandColor(UUID id, @Nullable String brandColor) {
		return jdbc.sql("UPDATE merchants SET brand_color = :color WHERE id = :id")
			.param("id", id).param("color", brandColor).update() == 1;
	}

	/** Points the merchant's logo URL at the logo it uploaded, or at none. */
	void setLogoUrl(UUID id, @Nullable String logoUrl) {
		jdbc.sql("UPDATE merchants SET logo_url = :logo WHERE id = :id").param("id", id).param("logo", logoUrl)
			.update();
	}

	Optional<UUID> findIdByName(String name) {
		return jdbc.sql("SELECT id FROM merchants WHERE name = :name ORDER BY id LIMIT 1")
			.param("name", name).query(UUID.class).optional();
	}

	private List<Hub> hubs(UUID merchantId) {
		return jdbc.sql("SELECT id, name, address, lat, lng, city FROM hubs WHERE merchant_id = :m ORDER BY id")
			.param("m", merchantId)
			.query((rs, n) -> new Hub(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getDouble(4),
					rs.getDouble(5), rs.getString(6)))
			.list();
	}

}
