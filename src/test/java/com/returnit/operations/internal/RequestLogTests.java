package com.returnit.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

/** A request slower than the threshold is a warning naming its route, status, duration and caller. */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTests {

	@Test
	void aRequestOverTheThresholdIsLoggedAsASlowRequestWithItsRouteTemplate(CapturedOutput output) throws Exception {
		var request = new MockHttpServletRequest("GET", "/v1/orders/01a2");
		request.setAttribute(RequestLog.PRINCIPAL, "customer:01a2");
		var response = new MockHttpServletResponse();

		new RequestLogWithoutHistory().doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res) {
				req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/v1/orders/{id}");
				res.setStatus(404);
				sleep(40);
			}
		}));

		assertThat(output.getOut()).containsPattern("WARN.*Slow request: GET /v1/orders/\\{id\\} 404 \\d+ ms customer:01a2");
		assertThat(response.getHeader("X-Request-Id")).isNotBlank();
	}

	@Test
	void aSaneRequestIdFromTheCallerIsKeptAndAnInsaneOneReplaced() throws Exception {
		assertThat(requestIdAnswered("abc-123")).isEqualTo("abc-123");
		assertThat(requestIdAnswered("bad id\nwith newline")).isNotEqualTo("bad id\nwith newline").hasSize(36);
	}

	private static String requestIdAnswered(String given) throws Exception {
		var request = new MockHttpServletRequest("GET", "/v1/x");
		request.addHeader("X-Request-Id", given);
		var response = new MockHttpServletResponse();
		new RequestLogWithoutHistory().doFilter(request, response, new MockFilterChain());
		return response.getHeader("X-Request-Id");
	}

	/** The filter with a history that keeps minutes in memory only (nothing is flushed without the scheduler). */
	private static final class RequestLogWithoutHistory extends RequestLog {

		RequestLogWithoutHistory() {
			super(new RequestMinutes(null, null, java.time.Clock.systemUTC()), new OperationsProperties("",
					Duration.ofMillis(20), Duration.ofMillis(500), null, Duration.ofHours(2),
					new OperationsProperties.Alerts(Duration.ofSeconds(15), Duration.ofMinutes(5), null, List.of(), "a@b")));
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
