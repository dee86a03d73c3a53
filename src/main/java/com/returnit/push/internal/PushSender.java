package com.returnit.push.internal;

import com.interaso.webpush.WebPush;
import com.returnit.push.internal.domain.PushEndpoint;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends one push (RFC 8030): the payload encrypted for the browser (RFC 8291, aes128gcm), a VAPID token for the push
 * service's origin (RFC 8292), TTL and {@code Urgency: high}. The endpoint is checked again before every call, no
 * redirect is followed, every call has a timeout, and a circuit breaker per push service stops calling one that keeps
 * failing.
 */
@Component
class PushSender implements DisposableBean {

	/** How a push service answered. */
	enum Outcome {
		DELIVERED, GONE, RETRY, REFUSED
	}

	record Result(Outcome outcome, String detail) {
	}

	private final VapidKeyring keyring;
	private final PushProperties properties;
	private final CircuitBreakerRegistry breakers;
	private final HttpClient http;

	PushSender(VapidKeyring keyring, PushProperties properties, CircuitBreakerRegistry breakers) {
		this.keyring = keyring;
		this.properties = properties;
		this.breakers = breakers;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
	}

	Result send(PushMessageRepository.Claim message) {
		var refused = PushEndpoint.whyRefused(message.endpoint(), properties::hostAllowed, properties.allowLocalHttp());
		if (refused.isPresent()) {
			return new Result(Outcome.REFUSED, "endpoint " + refused.get());
		}
		CircuitBreaker breaker = breakers.circuitBreaker("push-" + URI.create(message.endpoint()).getHost()
			.toLowerCase(Locale.ROOT));
		try {
			return breaker.executeCallable(() -> {
				Result result = call(message);
				if (result.outcome() == Outcome.RETRY) {
					throw new FailedCall(result);
				}
				return result;
			});
		}
		catch (FailedCall e) {
			return e.result;
		}
		catch (CallNotPermittedException e) {
			return new Result(Outcome.RETRY, "the push service's circuit is open");
		}
		catch (IOException e) {
			return new Result(Outcome.RETRY, e.getClass().getSimpleName() + ": " + e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Result(Outcome.RETRY, "interrupted");
		}
		catch (Exception e) {
			return new Result(Outcome.REFUSED, e.getClass().getSimpleName() + ": " + e.getMessage());
		}
	}

	private Result call(PushMessageRepository.Claim message) throws IOException, InterruptedException {
		WebPush signer = keyring.signer();
		byte[] body = signer.getBody(message.payload().getBytes(StandardCharsets.UTF_8), decode(message.p256dh()),
				decode(message.auth()));
		Map<String, String> headers = signer.getHeaders(message.endpoint(), (int) properties.ttl().toSeconds(), null,
				WebPush.Urgency.High);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(message.endpoint()))
			.timeout(properties.timeout())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		int status = response.statusCode();
		String detail = "HTTP " + status;
		if (status >= 200 && status < 300) {
			return new Result(Outcome.DELIVERED, detail);
		}
		if (status == 404 || status == 410) {
			return new Result(Outcome.GONE, detail);
		}
		if (status == 429 || status >= 500) {
			return new Result(Outcome.RETRY, detail);
		}
		// 400, 401, 403 (a key the subscription was not made with), 413: sending again would not help
		return new Result(Outcome.REFUSED, detail + (response.body().isBlank() ? "" : ": " + abbreviate(response.body())));
	}

	private static byte[] decode(String base64url) {
		return Base64.getUrlDecoder().decode(base64url.replace("=", ""));
	}

	private static String abbreviate(String text) {
		return text.length() <= 200 ? text : text.substring(0, 200);
	}

	@Override
	public void destroy() {
		http.close();
	}

	/** A retryable answer, thrown through the circuit breaker so that it counts as a failure there. */
	private static final class FailedCall extends Exception {

		private final transient Result result;

		FailedCall(Result result) {
			super(result.detail(), null, false, false);
			this.result = result;
		}
	}
}
