package com.returnit.orders.internal;

import com.returnit.merchants.PolicyBody;
import com.returnit.orders.internal.OrderBodies.ItemBody;
import com.returnit.policy.PolicyProblem;
import com.returnit.policy.Reason;
import com.returnit.policy.ReturnPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of a return policy's preview: a draft, checked and tried without being saved. */
final class PolicyPreviewBodies {

	private PolicyPreviewBodies() {
	}

	/**
	 * {@code policy}: the draft, as for {@code PUT .../return-policy}; {@code items}: sample items as in a quote
	 * (optional); {@code againstRecent}: also try the draft on the merchant's last 50 orders.
	 */
	record PolicyPreviewBody(@NotNull @Valid PolicyBody policy,
			@Nullable @Size(max = OrderBodies.MAX_ITEMS) List<@NotNull @Valid ItemBody> items,
			@Nullable Boolean againstRecent) {
	}

	/**
	 * {@code valid} false: {@code errors} says why, and nothing was tried. {@code reasons}: what the draft refuses of
	 * the sample items as a whole (too many items). {@code recent}: null unless asked for.
	 */
	record PolicyPreviewView(boolean valid, List<PreviewProblemView> errors, List<PreviewReasonView> reasons,
			List<PreviewItemView> items, @Nullable RecentCheckView recent) {
	}

	/** A fault of the draft; {@code line}/{@code column} (from 1) place a CEL error in the rule's expression. */
	record PreviewProblemView(String field, String message, @Nullable Integer line, @Nullable Integer column) {

		static PreviewProblemView of(PolicyProblem problem) {
			return new PreviewProblemView(problem.field(), problem.message(), problem.line(), problem.column());
		}
	}

	/** {@code code}: {@code rule:<name>} for the merchant's own rules, else the built-in rule (return_window, ...). */
	record PreviewReasonView(String code, String message) {

		static List<PreviewReasonView> of(List<Reason> reasons, ReturnPolicy policy) {
			return reasons.stream().map(reason -> new PreviewReasonView(code(reason, policy), reason.message())).toList();
		}

		private static String code(Reason reason, ReturnPolicy policy) {
			boolean own = policy.rules().stream()
				.anyMatch(rule -> rule.name().equals(reason.rule()) && rule.message().equals(reason.message()));
			return own ? "rule:" + reason.rule() : reason.rule();
		}
	}

	/** One sample item, by its position in the request. */
	record PreviewItemView(int index, String sku, boolean eligible, List<PreviewReasonView> reasons) {
	}

	/**
	 * The draft tried on the merchant's last {@code checked} orders (at most 50, newest first): how many it would
	 * refuse, how many the saved policy refuses the same way, and the orders the draft refuses.
	 */
	record RecentCheckView(int checked, int wouldRefuse, int currentlyRefused, List<RecentOrderView> orders) {
	}

	/** An order the draft refuses: {@code reasons} for the order as a whole, {@code refusedItems} per item. */
	record RecentOrderView(UUID orderId, Instant createdAt, List<PreviewReasonView> reasons,
			List<RefusedItemView> refusedItems) {
	}

	record RefusedItemView(int index, String sku, List<PreviewReasonView> reasons) {
	}
}
