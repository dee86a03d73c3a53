package com.returnit.orders.internal.domain;

import com.returnit.orders.OrderCancelled;
import com.returnit.orders.OrderEvent;
import com.returnit.orders.OrderFailed;
import com.returnit.orders.OrderPickedUp;
import com.returnit.orders.OrderScheduled;
import com.returnit.orders.OrderStatusChanged;
import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.Rejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A return pickup. The aggregate owns its whole state machine: scheduled -> assigned -> en_route -> picked_up ->
 * delivered, with cancelled (before pickup) and failed (once a driver is on it). Every change registers an event.
 */
public final class Order {

	/**
	 * The fields an order is booked with; {@code priceBreakdown} is null for orders booked before it was kept,
	 * {@code returnSessionId} set when a guest booked it from a merchant's return link, {@code customer} the customer's
	 * name and email at booking (null once the customer is erased).
	 */
	public record Booking(UUID id, UUID merchantId, UUID customerId, Pickup pickup, List<OrderItem> items,
			Money price, LateFee lateFee, int policyVersion, @Nullable UUID quoteId,
			@Nullable PriceBreakdown priceBreakdown, @Nullable UUID returnSessionId, @Nullable CustomerContact customer) {

		public Booking(UUID id, UUID merchantId, UUID customerId, Pickup pickup, List<OrderItem> items, Money price,
				LateFee lateFee, int policyVersion, @Nullable UUID quoteId, @Nullable PriceBreakdown priceBreakdown,
				@Nullable UUID returnSessionId) {
			this(id, merchantId, customerId, pickup, items, price, lateFee, policyVersion, quoteId, priceBreakdown,
					returnSessionId, null);
		}

		public Booking(UUID id, UUID merchantId, UUID customerId, Pickup pickup, List<OrderItem> items, Money price,
				LateFee lateFee, int policyVersion, @Nullable UUID quoteId) {
			this(id, merchantId, customerId, pickup, items, price, lateFee, policyVersion, quoteId, null, null);
		}

		/**
		 * The merchant's order reference: the first one the items carry (null when none does). A booking from a return link carries the
		 * link's on every item, so this is the link's reference.
		 */
		public @Nullable String merchantOrderRef() {
			return items.stream().map(OrderItem::merchantOrderRef)
				.filter(ref -> ref != null && !ref.isBlank()).findFirst()
				.orElse(null);
		}
	}

	private static final Set<OrderStatus> CANCELLABLE = Set.of(OrderStatus.SCHEDULED, OrderStatus.ASSIGNED,
			OrderStatus.EN_ROUTE);

	private final Booking booking;
	private final Instant createdAt;
	private Progress progress;
	private Instant updatedAt;
	private final int version;
	private final List<OrderEvent> events = new ArrayList<>();

	private Order(Booking booking, Progress progress, Instant createdAt, Instant updatedAt, int version) {
		this.booking = booking;
		this.progress = progress;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	public static Order schedule(Booking booking, Instant now) {
		Order order = new Order(booking, Progress.scheduled(), now, now, 0);
		order.events.add(new OrderScheduled(booking.id(), booking.merchantId(), booking.customerId(),
				booking.pickup().windowStart(), booking.pickup().windowEnd(), booking.items().size(), now,
				booking.returnSessionId(), booking.pickup().lat(), booking.pickup().lng()));
		return order;
	}

	/** Rebuilds a stored order; registers no event. */
	public static Order restore(Booking booking, Progress progress, Instant createdAt, Instant updatedAt, int version) {
		return new Order(booking, progress, createdAt, updatedAt, version);
	}

	public void assign(UUID driver, Instant now) {
		require(OrderStatus.SCHEDULED, "assigned");
		progress = new Progress(OrderStatus.ASSIGNED, driver, null, null, null, null);
		changed(now);
	}

	/**
	 * An operator gives the job to another driver before its parcels are collected: the order is assigned afresh (a
	 * driver who was en route starts again from assigned).
	 */
	public void reassign(UUID driver, Instant now) {
		requireDriverStage("reassigned");
		progress = new Progress(OrderStatus.ASSIGNED, driver, null, null, null, null);
		changed(now);
	}

	/** An operator takes the job from its driver before its parcels are collected: the order is scheduled again. */
	public void unassign(Instant now) {
		requireDriverStage("unassigned");
		progress = Progress.scheduled();
		changed(now);
	}

	private void requireDriverStage(String action) {
		if (progress.status() != OrderStatus.ASSIGNED && progress.status() != OrderStatus.EN_ROUTE) {
			throw new IllegalTransition(progress.status(), action);
		}
	}

	public void startRoute(Instant now) {
		require(OrderStatus.ASSIGNED, "put en route");
		progress = progress.withStatus(OrderStatus.EN_ROUTE);
		changed(now);
	}

	/**
	 * Collects the verified items. Every item of the order must be reported; items that fail verification are
	 * refused on the spot and reported with the event. When none passes, nothing is picked up (422).
	 */
	public void pickUp(PickupProof proof, Instant now) {
		require(OrderStatus.EN_ROUTE, "picked up");
		checkReported(proof);
		if (proof.collected().isEmpty()) {
			throw new Rejected("No item passed verification; report a failed pickup instead.", proof.refused().stream()
				.map(check -> new Rejected.Violation(check.sku(), "item_verification", "The item failed verification."))
				.toList());
		}
		progress = new Progress(OrderStatus.PICKED_UP, progress.driverId(), null, proof, null, null);
		updatedAt = now;
		Map<String, OrderItem> bySku = booking.items().stream()
			.collect(Collectors.toMap(OrderItem::sku, item -> item, (a, b) -> a));
		events.add(new OrderPickedUp(id(), booking.merchantId(), booking.customerId(), progress.driverId(),
				proof.items().stream()
					.map(c -> new OrderPickedUp.ItemVerification(c.sku(), c.verified(),
							c.condition().name().toLowerCase(Locale.ROOT), c.note(), reasonOf(bySku.get(c.sku())),
							bySku.get(c.sku()).reasonNote()))
					.toList(),
				proof.bagSeal(), now));
	}

	/** What happened to each booked item at the door: pending until the driver's proof says collected or refused. */
	public List<ItemOutcome> itemOutcomes() {
		return booking.items().stream().map(item -> ItemOutcome.of(item, progress.proof())).toList();
	}

	/**
	 * What cancelling now would do: whether this order can still be cancelled and the fee it costs at {@code now}
	 * (the booked late-cancellation fee from its {@code appliesFrom} on, else nothing). Cancelling charges exactly
	 * this: payments take the fee from {@link LateFee#feeAt} at the cancellation's instant.
	 */
	public CancellationTerms cancellationTerms(Instant now) {
		if (!CANCELLABLE.contains(progress.status())) {
			return CancellationTerms.refused(progress.status(), booking.lateFee(), booking.price().currency());
		}
		return new CancellationTerms(true, booking.lateFee().feeAt(now), booking.price().currency(),
				booking.lateFee().appliesFrom(), null);
	}

	private static @Nullable String reasonOf(OrderItem item) {
		return item.reason() == null ? null : item.reason().name().toLowerCase(Locale.ROOT);
	}

	public void deliver(UUID hubId, Instant now) {
		require(OrderStatus.PICKED_UP, "delivered");
		progress = new Progress(OrderStatus.DELIVERED, progress.driverId(), null, progress.proof(), hubId, null);
		changed(now);
	}

	public void fail(Failure failure, Instant now) {
		if (progress.status() != OrderStatus.ASSIGNED && progress.status() != OrderStatus.EN_ROUTE) {
			throw new IllegalTransition(progress.status(), "marked failed");
		}
		progress = new Progress(OrderStatus.FAILED, progress.driverId(), null, null, null, failure);
		updatedAt = now;
		events.add(new OrderFailed(id(), booking.merchantId(), booking.customerId(), failure.reason().code(),
				failure.note(), now));
	}

	public void cancel(String reason, Instant now) {
		if (!CANCELLABLE.contains(progress.status())) {
			throw new IllegalTransition(progress.status(), "cancelled");
		}
		progress = new Progress(OrderStatus.CANCELLED, progress.driverId(), reason, null, null, null);
		updatedAt = now;
		events.add(new OrderCancelled(id(), booking.merchantId(), booking.customerId(), reason, now));
	}

	private void checkReported(PickupProof proof) {
		Set<String> ordered = booking.items().stream().map(OrderItem::sku).collect(Collectors.toSet());
		List<FieldError> errors = new ArrayList<>();
		Set<String> reported = new java.util.HashSet<>();
		for (int i = 0; i < proof.items().size(); i++) {
			String sku = proof.items().get(i).sku();
			if (!ordered.contains(sku)) {
				errors.add(new FieldError("items[" + i + "].sku", "is not an item of this order"));
			}
			reported.add(sku);
		}
		ordered.stream().filter(sku -> !reported.contains(sku)).sorted()
			.forEach(sku -> errors.add(new FieldError("items", "must report item " + sku)));
		if (!errors.isEmpty()) {
			throw new InvalidInput(400, errors);
		}
	}

	private void require(OrderStatus expected, String action) {
		if (progress.status() != expected) {
			throw new IllegalTransition(progress.status(), action);
		}
	}

	private void changed(Instant now) {
		updatedAt = now;
		events.add(new OrderStatusChanged(id(), booking.merchantId(), booking.customerId(), progress.status().code(),
				now));
	}

	/** Events registered since load, handed out once for publication. */
	public List<OrderEvent> drainEvents() {
		List<OrderEvent> drained = List.copyOf(events);
		events.clear();
		return drained;
	}

	public UUID id() {
		return booking.id();
	}

	public Booking booking() {
		return booking;
	}

	public Progress progress() {
		return progress;
	}

	public OrderStatus status() {
		return progress.status();
	}

	public @Nullable UUID driverId() {
		return progress.driverId();
	}

	public @Nullable String cancelReason() {
		return progress.cancelReason();
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	/** The version this order was loaded at; saving checks it so that concurrent changes cannot both win. */
	public int version() {
		return version;
	}
}
