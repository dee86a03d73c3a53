package com.returnit.platform.internal;

import com.returnit.platform.Conflict;
import com.returnit.platform.FieldError;
import com.returnit.platform.Forbidden;
import com.returnit.platform.Gone;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import com.returnit.platform.PaymentRequired;
import com.returnit.platform.Rejected;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns every error into RFC 9457 problem+json: validation errors list {@code errors: [{field, message}]},
 * business rejections list {@code violations}. Nothing a client sends may surface as a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound e) {
		return Problems.of(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler(Conflict.class)
	ProblemDetail conflict(Conflict e) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.getMessage());
		e.properties().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler(Gone.class)
	ProblemDetail gone(Gone e) {
		ProblemDetail problem = Problems.of(HttpStatus.GONE, e.getMessage());
		e.properties().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler(Forbidden.class)
	ProblemDetail forbidden(Forbidden e) {
		return Problems.of(HttpStatus.FORBIDDEN, e.getMessage());
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(Problems.of(HttpStatus.UNAUTHORIZED, e.getMessage()));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail accessDenied(AccessDeniedException e) {
		return Problems.of(HttpStatus.FORBIDDEN, "Your role may not do this.");
	}

	@ExceptionHandler(InvalidInput.class)
	ProblemDetail invalidInput(InvalidInput e) {
		return Problems.withErrors(HttpStatus.valueOf(e.status()), e.errors());
	}

	@ExceptionHandler(Rejected.class)
	ProblemDetail rejected(Rejected e) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
		problem.setProperty("violations", e.violations());
		return problem;
	}

	@ExceptionHandler(PaymentRequired.class)
	ProblemDetail paymentRequired(PaymentRequired e) {
		ProblemDetail problem = Problems.withErrors(HttpStatus.PAYMENT_REQUIRED,
				List.of(new FieldError(e.field(), e.getMessage())));
		problem.setType(java.net.URI.create("https://returnit.local/problems/payment-declined"));
		problem.setTitle("Payment declined");
		problem.setDetail("The payment with '" + e.field() + "' was declined: " + e.getMessage());
		problem.setProperty("code", e.code());
		return problem;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		return Problems.withErrors(HttpStatus.BAD_REQUEST,
				List.of(new FieldError(e.getName(), "is not a valid " + simpleName(e.getRequiredType()))));
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail unreadableMultipart(MultipartException e) {
		return Problems.withErrors(HttpStatus.BAD_REQUEST,
				List.of(new FieldError("body", "is not a readable multipart body; the API takes application/json")));
	}

	@ExceptionHandler(InvalidMediaTypeException.class)
	ProblemDetail invalidMediaType(InvalidMediaTypeException e) {
		return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"The Content-Type is not a usable media type; send application/json.");
	}

	/**
	 * The last resort. A 500 is a bug whatever the input was (bad input is a 4xx): it is logged with the route and a
	 * hash of the input (method, path, query and JSON body), which the fuzz suite prints beside each request it sends,
	 * so the failing input can be found and replayed.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
		if (DatabaseUnavailable.causedBy(e)) {
			log.warn("Database unavailable: {}", e.getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER.toSeconds()))
				.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL));
		}
		log.error("Unhandled error on {} {} (input sha256 {})", request.getMethod(), RequestFingerprint.route(request),
				RequestFingerprint.hash(request), e);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged."));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(Problems.withErrors(HttpStatus.BAD_REQUEST, fieldErrors(ex.getBindingResult())), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults().stream()
			.flatMap(result -> result.getResolvableErrors().stream()
				.map(error -> new FieldError(result.getMethodParameter().getParameterName(),
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		return problem(Problems.withErrors(HttpStatus.BAD_REQUEST, errors), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (BodySizeLimitFilter.causedByLimit(ex)) {
			return problem(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large."), headers);
		}
		return problem(Problems.withErrors(HttpStatus.BAD_REQUEST, List.of(unreadable(ex))), headers);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		return response == null ? ResponseEntity.status(statusCode).headers(headers).build() : response;
	}

	private static FieldError unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = jacksonCause(ex);
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return new FieldError(JsonPaths.of(unknown.getPath()), "is not a known field");
		}
		if (cause instanceof InvalidFormatException format) {
			return new FieldError(JsonPaths.of(format.getPath()),
					"has an invalid value for " + simpleName(format.getTargetType()));
		}
		if (cause instanceof ValueInstantiationException instantiation && !instantiation.getPath().isEmpty()) {
			return new FieldError(JsonPaths.of(instantiation.getPath()),
					"has an invalid value for " + simpleName(instantiation.getType().getRawClass()));
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return new FieldError(JsonPaths.of(mismatch.getPath()),
					"has the wrong type, expected " + simpleName(mismatch.getTargetType()));
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return new FieldError(JsonPaths.of(jackson.getPath()), outOfRange(jackson)
					? "is a number out of range" : firstLine(jackson.getOriginalMessage()));
		}
		if (cause instanceof StreamReadException) {
			return new FieldError("body", "is not well-formed JSON: " + firstLine(((StreamReadException) cause).getOriginalMessage()));
		}
		return new FieldError("body", "is missing or not readable JSON");
	}

	/**
	 * The outermost Jackson exception, which carries the JSON path. Not the most specific cause: a bad timestamp or
	 * enum value hangs a {@code DateTimeParseException} or {@code IllegalArgumentException} below it, with no path.
	 */
	private static Throwable jacksonCause(HttpMessageNotReadableException ex) {
		for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
			if (t instanceof JacksonException) {
				return t;
			}
		}
		return ex.getMostSpecificCause();
	}

	private static boolean outOfRange(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof InputCoercionException) {
				return true;
			}
		}
		return false;
	}

	private static List<FieldError> fieldErrors(BindingResult result) {
		return result.getFieldErrors().stream()
			.map(error -> new FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
			.sorted(Comparator.comparing(FieldError::field))
			.toList();
	}

	private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	private static String simpleName(@Nullable Class<?> type) {
		if (type == null) {
			return "value";
		}
		if (type.isEnum()) {
			return "value (one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
				.map(value -> value.toString().toLowerCase(java.util.Locale.ROOT)).toList()) + ")";
		}
		return switch (type.getSimpleName()) {
			case "Integer", "int", "Long", "long" -> "integer";
			case "Double", "double", "BigDecimal" -> "number";
			case "Boolean", "boolean" -> "boolean";
			case "Instant", "OffsetDateTime" -> "timestamp (ISO-8601, e.g. 2026-01-31T10:00:00Z, years 1 to 9999)";
			case "LocalDate" -> "date (ISO-8601, e.g. 2026-01-31, years 1 to 9999)";
			case "YearMonth" -> "month (ISO-8601, e.g. 2026-01, years 1 to 9999)";
			case "UUID" -> "UUID";
			case "String" -> "string";
			default -> type.getSimpleName().startsWith("List") ? "array" : "object";
		};
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unreadable";
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}
}
