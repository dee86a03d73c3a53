package com.returnit.merchants;

import com.returnit.policy.ReturnPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A return policy as a merchant sends it, with its limits checked by Bean Validation: the body of
 * {@code PUT /v1/merchants/{id}/return-policy}, of a new merchant's {@code returnPolicy}, and of a draft to preview.
 * Public so that the preview, which needs the orders module's recent orders, takes exactly the shape the save takes.
 */
public record PolicyBody(@NotNull @Min(1) @Max(365) Integer windowDays,
		@NotNull @Size(max = 100) List<@NotBlank @Size(max = 100) String> excludedCategories,
		@NotNull @Min(1) @Max(100) Integer maxItems,
		@NotNull @Min(0) @Max(100_000_000) Long maxItemValueCents,
		@Nullable @Size(max = 50) List<@NotNull @Valid RuleBody> rules,
		@Nullable @Min(0) @Max(100_000) Long lateCancellationFeeCents) {

	public ReturnPolicy toPolicy() {
		return new ReturnPolicy(windowDays, excludedCategories, maxItems, maxItemValueCents,
				rules == null ? List.of()
						: rules.stream().map(r -> new ReturnPolicy.CustomRule(r.name(), r.expression(), r.message()))
							.toList(),
				lateCancellationFeeCents);
	}

	/** A custom rule: a name (lower case, digits, underscores), a CEL expression true when the item may come back. */
	public record RuleBody(@NotBlank @Pattern(regexp = "^[a-z][a-z0-9_]{0,63}$") String name,
			@NotBlank @Size(max = 2000) String expression, @NotBlank @Size(max = 500) String message) {
	}
}
