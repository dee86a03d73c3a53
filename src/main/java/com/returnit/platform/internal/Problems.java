package com.returnit.platform.internal;

import com.returnit.platform.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the problem documents every error answer uses. */
final class Problems {

	private Problems() {
	}

	static ProblemDetail of(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	static ProblemDetail withErrors(HttpStatus status, List<FieldError> errors) {
		String detail = errors.isEmpty() ? "The request is invalid."
				: errors.size() == 1 ? "Field '" + errors.getFirst().field() + "' " + errors.getFirst().message() + "."
						: errors.size() + " fields are invalid.";
		ProblemDetail problem = of(status, detail);
		problem.setProperty("errors", errors);
		return problem;
	}
}
