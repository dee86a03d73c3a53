package com.returnit.returnlinks.internal;

import com.returnit.returnlinks.internal.domain.ReturnSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of return sessions: the merchant's, and the public one a forwarded link may show. */
final class SessionBodies {

	static final int MAX_ITEMS = 100;

	private SessionBodies() {
	}

	/** Items as orders take them (same limits); {@code tagsAttached} may be left to the customer. */
	record ReturnSessionItem(@NotBlank @Size(max = 100) String sku, @NotBlank @Size(max = 500) String description,
			@NotBlank @Size(max = 100) String category, @NotNull Instant purchasedAt,
			@NotNull @Min(0) @Max(100_000_000) Long valueCents, @Nullable Boolean tagsAttached) {

		ReturnSession.Item toItem() {
			return new ReturnSession.Item(sku.trim(), description.trim(), category.trim(), purchasedAt, valueCents,
					tagsAttached);
		}
	}

	record ReturnSessionCustomer(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
			@Nullable @Pattern(regexp = "^\\+?[0-9 ()-]{6,20}$") String phone) {
	}

	/**
	 * A new session; {@code expiresAt} defaults to 14 days from now and may be at most 90 days ahead;
	 * {@code notifyCustomer: true} emails the link to the customer (default false: the merchant sends it itself).
	 */
	record ReturnSessionBody(@NotNull @Valid ReturnSessionCustomer customer, @NotBlank @Size(max = 100) String merchantOrderRef,
			@NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid ReturnSessionItem> items,
			@Nullable Instant expiresAt, @Nullable Boolean notifyCustomer) {

		boolean notifies() {
			return Boolean.TRUE.equals(notifyCustomer);
		}
	}

	record CustomerView(String name, String email, @Nullable String phone) {

		static CustomerView of(ReturnSession.Customer customer) {
			return new CustomerView(customer.name(), customer.email(), customer.phone());
		}
	}

	/** What the merchant sees of its session; the token (and so the link) only once, at creation. */
	record SessionView(UUID id, String status, Instant expiresAt, String merchantOrderRef, CustomerView customer,
			List<ReturnSession.Item> items, Instant createdAt, @Nullable UUID orderId) {

		static SessionView of(ReturnSession session, Instant now) {
			return new SessionView(session.id(), session.status(now).code(), session.expiresAt(),
					session.merchantOrderRef(), CustomerView.of(session.customer()), session.items(),
					session.createdAt(), session.orderId());
		}
	}

	/** {@code customerNotified}: the link was put in the notifications outbox for the customer's email. */
	record CreatedView(UUID id, String url, String token, String status, Instant expiresAt, String merchantOrderRef,
			CustomerView customer, List<ReturnSession.Item> items, Instant createdAt, @Nullable UUID orderId,
			boolean customerNotified) {

		static CreatedView of(ReturnSession session, String url, String token, Instant now, boolean notified) {
			return new CreatedView(session.id(), url, token, session.status(now).code(), session.expiresAt(),
					session.merchantOrderRef(), CustomerView.of(session.customer()), session.items(),
					session.createdAt(), session.orderId(), notified);
		}
	}

	record SessionPage(List<SessionView> data, boolean hasMore) {
	}

	/**
	 * The shop behind a link; {@code customerPays}: its customers pay for the pickup by card when booking;
	 * {@code brandColor}: {@code #rrggbb} or null.
	 */
	record ReturnSessionMerchant(UUID id, String name, @Nullable String logoUrl, @Nullable String brandColor,
			boolean customerPays) {
	}

	record FirstName(String firstName) {
	}

	/** What anyone holding the link sees: no email, phone or last name, since links get forwarded. */
	record PublicReturnSession(UUID id, String status, ReturnSessionMerchant merchant, FirstName customer, String merchantOrderRef,
			List<ReturnSession.Item> items, Instant expiresAt, @Nullable UUID orderId) {
	}

	/** A guest's access token for the session (15 minutes, no refresh token: ask again when it runs out). */
	record AccessView(String accessToken, long expiresIn, String tokenType, UUID customerId, UUID sessionId) {
	}
}
