package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.merchants.Merchants;
import com.returnit.orders.internal.OrderBodies.ItemBody;
import com.returnit.orders.internal.PolicyPreviewBodies.PolicyPreviewBody;
import com.returnit.orders.internal.PolicyPreviewBodies.PolicyPreviewView;
import com.returnit.orders.internal.PolicyPreviewBodies.PreviewItemView;
import com.returnit.orders.internal.PolicyPreviewBodies.PreviewProblemView;
import com.returnit.orders.internal.PolicyPreviewBodies.PreviewReasonView;
import com.returnit.orders.internal.PolicyPreviewBodies.RecentCheckView;
import com.returnit.orders.internal.PolicyPreviewBodies.RecentOrderView;
import com.returnit.orders.internal.PolicyPreviewBodies.RefusedItemView;
import com.returnit.orders.internal.domain.ItemNames;
import com.returnit.orders.internal.domain.Order;
import com.returnit.orders.internal.domain.Pickup;
import com.returnit.platform.NotFound;
import com.returnit.policy.Eligibility;
import com.returnit.policy.PickupRequest;
import com.returnit.policy.Policies;
import com.returnit.policy.PolicyProblem;
import com.returnit.policy.PolicyVersion;
import com.returnit.policy.ReturnItem;
import com.returnit.policy.ReturnPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A draft policy checked and tried with the policy module's own rules ({@link Policies#review},
 * {@link Policies#evaluate}), saving nothing. Sample items are asked now, for a pickup {@link #SAMPLE_LEAD} ahead
 * lasting {@link #SAMPLE_WINDOW}; a recent order is asked again as it was booked: at its creation, with its own
 * pickup, window and items, so that the return window and the pickup's lead time count as they did then.
 */
@Component
class PolicyPreview {

	static final int RECENT = 50;
	static final Duration SAMPLE_LEAD = Duration.ofHours(24);
	static final Duration SAMPLE_WINDOW = Duration.ofHours(2);

	private final Policies policies;
	private final Merchants merchants;
	private final OrderRepository orders;
	private final Clock clock;

	PolicyPreview(Policies policies, Merchants merchants, OrderRepository orders, Clock clock) {
		this.policies = policies;
		this.merchants = merchants;
		this.orders = orders;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	PolicyPreviewView preview(Caller caller, UUID merchantId, PolicyPreviewBody body) {
		if (!caller.canManageMerchant(merchantId) || merchants.find(merchantId).isEmpty()) {
			throw new NotFound("Merchant");
		}
		ReturnPolicy draft = body.policy().toPolicy();
		List<ItemBody> samples = body.items() == null ? List.of() : body.items();
		List<String> skus = ItemNames.of(samples.stream().map(ItemBody::sku).toList());
		List<PolicyProblem> problems = policies.review(draft);
		if (!problems.isEmpty()) {
			return new PolicyPreviewView(false, problems.stream().map(PreviewProblemView::of).toList(), List.of(),
					List.of(), null);
		}
		Eligibility sample = trySamples(draft, samples, skus);
		List<PreviewItemView> items = IntStream.range(0, samples.size())
			.mapToObj(i -> new PreviewItemView(i, skus.get(i), sample.items().get(i).eligible(),
					PreviewReasonView.of(sample.items().get(i).reasons(), draft)))
			.toList();
		List<PreviewReasonView> reasons = samples.isEmpty() ? List.of()
				: PreviewReasonView.of(sample.pickupReasons(), draft);
		RecentCheckView recent = Boolean.TRUE.equals(body.againstRecent()) ? tryRecent(merchantId, draft) : null;
		return new PolicyPreviewView(true, List.of(), reasons, items, recent);
	}

	private Eligibility trySamples(ReturnPolicy draft, List<ItemBody> samples, List<String> skus) {
		Instant now = clock.instant();
		PickupRequest pickup = new PickupRequest("", 0, 0, now.plus(SAMPLE_LEAD), now.plus(SAMPLE_LEAD).plus(SAMPLE_WINDOW));
		List<ReturnItem> items = IntStream.range(0, samples.size())
			.mapToObj(i -> Quoting.toReturnItem(samples.get(i).toItem(skus.get(i))))
			.toList();
		return policies.evaluate(draft, 0, pickup, items, now);
	}

	private RecentCheckView tryRecent(UUID merchantId, ReturnPolicy draft) {
		PolicyVersion saved = policies.current(merchantId);
		List<Order> recent = orders.page(new OrderRepository.Scope(null, merchantId, null), null, null, RECENT);
		List<RecentOrderView> refused = new ArrayList<>();
		int currentlyRefused = 0;
		for (Order order : recent) {
			Pickup p = order.booking().pickup();
			PickupRequest pickup = new PickupRequest(p.address(), p.lat(), p.lng(), p.windowStart(), p.windowEnd());
			List<ReturnItem> items = order.booking().items().stream().map(Quoting::toReturnItem).toList();
			Eligibility underDraft = policies.evaluate(draft, 0, pickup, items, order.createdAt());
			if (!policies.evaluate(saved.policy(), saved.version(), pickup, items, order.createdAt()).eligible()) {
				currentlyRefused++;
			}
			if (!underDraft.eligible()) {
				refused.add(refusal(order, underDraft, draft));
			}
		}
		return new RecentCheckView(recent.size(), refused.size(), currentlyRefused, refused);
	}

	private static RecentOrderView refusal(Order order, Eligibility verdict, ReturnPolicy draft) {
		List<RefusedItemView> items = IntStream.range(0, verdict.items().size())
			.filter(i -> !verdict.items().get(i).eligible())
			.mapToObj(i -> new RefusedItemView(i, verdict.items().get(i).sku(),
					PreviewReasonView.of(verdict.items().get(i).reasons(), draft)))
			.toList();
		return new RecentOrderView(order.id(), order.createdAt(), PreviewReasonView.of(verdict.pickupReasons(), draft),
				items);
	}
}
