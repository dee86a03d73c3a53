package com.returnit.places.internal;

import com.returnit.platform.FieldError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Checks of coordinates given as query parameters: each bad one adds an error naming its parameter. */
final class Coordinates {

	private Coordinates() {
	}

	static void latitude(String field, @Nullable Double value, List<FieldError> errors) {
		if (value == null || !(value >= -90 && value <= 90)) {
			errors.add(new FieldError(field, "must be a number from -90 to 90"));
		}
	}

	static void longitude(String field, @Nullable Double value, List<FieldError> errors) {
		if (value == null || !(value >= -180 && value <= 180)) {
			errors.add(new FieldError(field, "must be a number from -180 to 180"));
		}
	}
}
