package com.returnit.flags.internal;

import com.returnit.identity.Role;
import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The body of PUT /v1/flags/{key}: the whole wanted state of the flag. */
record FlagBody(@Nullable @Size(max = 500) String description,
		@Schema(description = "false is the kill switch: everyone gets off") @NotNull Boolean enabled,
		@Schema(description = "0 to 100, at most two decimals") @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal rolloutPercentage,
		@Schema(description = "role codes: customer, driver, merchant, operator") @Nullable @Size(max = 4) List<String> roles,
		@Nullable @Size(max = 1000) List<UUID> merchantIds, @Nullable @Size(max = 1000) List<UUID> serviceAreaIds,
		@Schema(description = "on or off (default off): what callers no rule selected get") @Nullable String defaultVariant,
		@Schema(description = "the version you read: the write fails with 409 if the flag changed since") @Nullable Long version) {

	/**
	 * A dotted name, e.g. {@code dispatch.batched}: a namespace starting with a letter, then one or more parts of lower
	 * case letters, digits, '-' and '_'. The dot keeps a key from ever looking like an id (or "evaluated").
	 */
	static final Pattern KEY = Pattern.compile("(?=.{3,100}$)[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+");

	private static final Set<String> ROLES = Set.copyOf(Arrays.stream(Role.values()).map(Role::code).toList());

	/** Checks what the annotations cannot, reporting every field at fault at once. */
	FlagChange toChange(String key) {
		List<FieldError> errors = new ArrayList<>();
		if (!KEY.matcher(key).matches()) {
			errors.add(new FieldError("key", "must be a dotted name of 3-100 lower case letters, digits, '_' and '-', "
					+ "starting with a letter, e.g. checkout.new-flow"));
		}
		if (rolloutPercentage.stripTrailingZeros().scale() > 2) {
			errors.add(new FieldError("rolloutPercentage", "must have at most two decimals"));
		}
		List<String> roleCodes = roles == null ? List.of() : roles;
		for (int i = 0; i < roleCodes.size(); i++) {
			if (roleCodes.get(i) == null || !ROLES.contains(roleCodes.get(i))) {
				errors.add(new FieldError("roles[" + i + "]", "must be one of customer, driver, merchant, operator"));
			}
		}
		nullsIn("merchantIds", merchantIds, errors);
		nullsIn("serviceAreaIds", serviceAreaIds, errors);
		if (defaultVariant != null && !defaultVariant.equals("on") && !defaultVariant.equals("off")) {
			errors.add(new FieldError("defaultVariant", "must be on or off"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(400, errors);
		}
		return new FlagChange(key, description == null ? "" : description.strip(), enabled,
				rolloutPercentage.movePointRight(2).intValueExact(), new LinkedHashSet<>(roleCodes),
				merchantIds == null ? Set.of() : new LinkedHashSet<>(merchantIds),
				serviceAreaIds == null ? Set.of() : new LinkedHashSet<>(serviceAreaIds), "on".equals(defaultVariant),
				version);
	}

	private static void nullsIn(String field, @Nullable List<UUID> ids, List<FieldError> errors) {
		if (ids == null) {
			return;
		}
		for (int i = 0; i < ids.size(); i++) {
			if (ids.get(i) == null) {
				errors.add(new FieldError(field + "[" + i + "]", "must be an id"));
			}
		}
	}
}
