package com.returnit.platform;

import java.util.List;

/** Request input that passed JSON parsing but breaks a rule; answered as problem+json listing every field at fault. */
public class InvalidInput extends RuntimeException {

	private final int status;
	private final List<FieldError> errors;

	public InvalidInput(int status, List<FieldError> errors) {
		super(errors.isEmpty() ? "invalid input" : errors.getFirst().field() + ": " + errors.getFirst().message());
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	/** A 400: the request itself is malformed. */
	public static InvalidInput badRequest(String field, String message) {
		return new InvalidInput(400, List.of(new FieldError(field, message)));
	}

	/** A 422: well-formed, but refers to something that cannot be used. */
	public static InvalidInput unprocessable(String field, String message) {
		return new InvalidInput(422, List.of(new FieldError(field, message)));
	}

	public int status() {
		return status;
	}

	public List<FieldError> errors() {
		return errors;
	}
}
