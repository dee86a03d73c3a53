package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.orders.internal.domain.CancellationTerms;
import com.returnit.orders.internal.domain.ItemNames;
import com.returnit.orders.internal.domain.ItemOutcome;
import com.returnit.orders.internal.domain.LateFee;
import com.returnit.orders.internal.domain.Money;
import com.returnit.orders.internal.domain.Order;
import com.returnit.orders.internal.domain.OrderItem;
import com.returnit.orders.internal.domain.Pickup;
import com.returnit.orders.internal.domain.PriceBreakdown;
import com.returnit.orders.internal.domain.ReturnReason;
import com.returnit.orders.internal.domain.ReturnRequest;
import com.returnit.policy.Eligibility;
import com.returnit.policy.Reason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
import java.util.stream.IntStream;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of quotes and orders. */
final class OrderBodies {

	static final int MAX_ITEMS = 100;

	private OrderBodies() {
	}

	record PickupBody(@NotBlank @Size(max = 500) String address,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double lng,
			@Schema(description = "how the driver gets to the door: door code, which bell, the back gate", example = "Ring Weber, 3rd floor, code 4512")
			@Nullable @Size(max = 500) String accessNotes) {
	}

	record WindowBody(@NotNull Instant start, @NotNull Instant end) {
	}

	/**
	 * {@code sku} optional (unique within the request; absent or blank: {@code ITEM-<position>}); {@code reason} one of
	 * wrong_size, not_as_described, damaged, changed_mind, arrived_late, better_price, other; {@code reasonNote} free
	 * text.
	 */
	record ItemBody(@Nullable @Size(max = 100) String sku, @NotBlank @Size(max = 500) String description,
			@NotBlank @Size(max = 100) String category, @NotNull Instant purchasedAt,
			@NotNull @Min(0) @Max(100_000_000) Long valueCents, @Nullable @Size(max = 100) String merchantOrderRef,
			@Nullable Boolean tagsAttached, @Nullable ReturnReason reason,
			@Nullable @Size(max = 500) String reasonNote) {

		OrderItem toItem(String name) {
			return new OrderItem(name, description.trim(), category.trim(), purchasedAt, valueCents,
					merchantOrderRef, Boolean.TRUE.equals(tagsAttached), reason,
					reasonNote == null || reasonNote.isBlank() ? null : reasonNote.trim());
		}
	}

	record CustomerBody(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
			@Nullable @Pattern(regexp = "^\\+?[0-9 ()-]{6,20}$") String phone) {
	}

	record QuoteBody(@NotNull UUID merchantId, @NotNull @Valid PickupBody pickup, @NotNull @Valid WindowBody window,
			@NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid ItemBody> items) {

		ReturnRequest toRequest() {
			List<String> names = ItemNames.of(items.stream().map(ItemBody::sku).toList());
			return new ReturnRequest(merchantId,
					new Pickup(pickup.address().trim(), pickup.lat(), pickup.lng(), window.start(), window.end())
						.withAccessNotes(pickup.accessNotes()),
					IntStream.range(0, items.size()).mapToObj(i -> items.get(i).toItem(names.get(i))).toList());
		}
	}

	/**
	 * Either {@code quoteId}, or the full request as for a quote; merchants also name the customer. Bookings with a
	 * merchant whose customers pay carry {@code paymentMethod} (a provider token such as {@code tok_visa}).
	 */
	record OrderBody(@Nullable UUID quoteId, @Nullable UUID merchantId, @Nullable @Valid PickupBody pickup,
			@Nullable @Valid WindowBody window,
			@Nullable @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid ItemBody> items,
			@Nullable @Valid CustomerBody customer, @Nullable @Size(max = 200) String paymentMethod,
			@Schema(description = "with quoteId: how the driver gets to the door (replaces the quote's pickup.accessNotes)")
			@Nullable @Size(max = 500) String accessNotes) {
	}

	/** {@code acceptedFeeCents}: the fee the canceller was shown (GET .../cancellation); a higher one now is a 409. */
	record CancelBody(@NotBlank @Size(max = 500) String reason, @Nullable @Min(0) Long acceptedFeeCents) {
	}

	record ItemVerdictView(String sku, boolean eligible, List<Reason> reasons) {
	}

	/**
	 * What a late cancellation costs: cancelling at or after {@code appliesFrom} charges {@code amountCents} (to the
	 * customer's card when the customer pays, else to the merchant's statement).
	 */
	record LateCancellationView(long amountCents, String currency, Instant appliesFrom) {

		static LateCancellationView of(LateFee fee, Money price) {
			return new LateCancellationView(fee.feeCents(), price.currency(), fee.appliesFrom());
		}
	}

	/** The parts of a price, adding up to its {@code amountCents}: see {@link PriceBreakdown}. */
	record BreakdownView(long baseCents, long itemsCents, long distanceCents, double distanceKm, String currency) {

		static @Nullable BreakdownView of(@Nullable PriceBreakdown breakdown) {
			return breakdown == null ? null : new BreakdownView(breakdown.baseCents(), breakdown.itemsCents(),
					breakdown.distanceCents(), breakdown.distanceKm(), breakdown.currency());
		}
	}

	record QuoteView(UUID quoteId, boolean eligible, List<ItemVerdictView> items, List<Reason> reasons, Money price,
			BreakdownView breakdown, LateCancellationView lateCancellation, int policyVersion, Instant expiresAt) {

		static QuoteView of(UUID id, Eligibility eligibility, PriceBreakdown breakdown, LateFee lateFee,
				Instant expiresAt) {
			Money price = breakdown.total();
			return new QuoteView(id, eligibility.eligible(),
					eligibility.items().stream()
						.map(v -> new ItemVerdictView(v.sku(), v.eligible(), v.reasons()))
						.toList(),
					eligibility.pickupReasons(), price, BreakdownView.of(breakdown), LateCancellationView.of(lateFee, price),
					eligibility.policyVersion(), expiresAt);
		}
	}

	record PickupView(String address, double lat, double lng, @Nullable String accessNotes) {
	}

	record WindowView(Instant start, Instant end) {
	}

	/** Who an order is for, as the merchant sees it. */
	record OrderCustomerView(String name, String email) {
	}

	/**
	 * An order. {@code itemOutcomes}: each item as it stands at the door (pending, collected, refused; see
	 * {@link ItemOutcome}); {@code priceBreakdown}: null for orders booked before breakdowns were kept;
	 * {@code returnSessionId} names the merchant's return link it was booked from, if any. {@code merchantOrderRef}
	 * and {@code customer} (the customer's name and email at booking, null once they are erased) are shown to the
	 * order's merchant and to operators only, null to anyone else.
	 */
	record OrderView(UUID id, String status, UUID merchantId, UUID customerId, @Nullable UUID driverId,
			PickupView pickup, WindowView window, List<OrderItem> items, List<ItemOutcome> itemOutcomes, Money price,
			@Nullable BreakdownView priceBreakdown, LateCancellationView lateCancellation, int policyVersion,
			@Nullable UUID quoteId, @Nullable String cancelReason, Instant createdAt, Instant updatedAt,
			@Nullable UUID returnSessionId, @Nullable String merchantOrderRef, @Nullable OrderCustomerView customer,
			@Schema(description = "the customer's first name, to greet at the door: all a driver sees of who they are")
			@Nullable String customerFirstName) {

		private static @Nullable String firstName(Order.Booking booking) {
			if (booking.customer() == null || booking.customer().name() == null) {
				return null;
			}
			String name = booking.customer().name().strip();
			return name.isEmpty() ? null : name.split("\\s+", 2)[0];
		}

		/** The order as its customer and its driver see it. */
		static OrderView of(Order order) {
			return of(order, false);
		}

		/** The order as this caller sees it: with the merchant's reference and the customer for merchants and operators. */
		static OrderView of(Order order, Caller caller) {
			return of(order, caller.role() == Role.MERCHANT || caller.role() == Role.OPERATOR);
		}

		private static OrderView of(Order order, boolean merchantFacing) {
			Order.Booking b = order.booking();
			Pickup p = b.pickup();
			OrderCustomerView customer = !merchantFacing || b.customer() == null ? null
					: new OrderCustomerView(b.customer().name(), b.customer().email());
			return new OrderView(order.id(), order.status().code(), b.merchantId(), b.customerId(), order.driverId(),
					new PickupView(p.address(), p.lat(), p.lng(), p.accessNotes()), new WindowView(p.windowStart(), p.windowEnd()),
					b.items(), order.itemOutcomes(), b.price(), BreakdownView.of(b.priceBreakdown()),
					LateCancellationView.of(b.lateFee(), b.price()), b.policyVersion(), b.quoteId(),
					order.cancelReason(), order.createdAt(), order.updatedAt(), b.returnSessionId(),
					merchantFacing ? b.merchantOrderRef() : null, customer, firstName(b));
		}
	}

	/**
	 * What cancelling the order now would do, as the domain computes it: {@code feeCents} is what POST .../cancel
	 * charges at this instant, to {@code chargedTo} ({@code customer}: their card, when the merchant's customers pay;
	 * {@code merchant}: its statement); {@code reason} says why it cannot be cancelled (null when it can).
	 */
	record CancellationView(boolean cancellable, long feeCents, String currency, Instant feeAppliesFrom,
			@Nullable String reason, String chargedTo) {

		static CancellationView of(CancellationTerms terms, boolean customerPays) {
			return new CancellationView(terms.cancellable(), terms.feeCents(), terms.currency(),
					terms.feeAppliesFrom(), terms.reason(), customerPays ? "customer" : "merchant");
		}
	}

	record OrderPage(List<OrderView> data, boolean hasMore) {
	}

	record TimelineEntry(int sequence, String type, Instant occurredAt, @Nullable String detail) {
	}

	record Timeline(List<TimelineEntry> data) {
	}
}
