package com.returnit.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The rate limits of every request, for the one path answered before the filter that applies them (location pings,
 * ADR 0031). A request counted here is not counted again if it goes on to the filter chain.
 */
public interface RateLimits {

	/**
	 * Counts one request of this caller against the tier's limit and writes the {@code RateLimit-Policy} and
	 * {@code RateLimit} headers. Over the limit it writes the 429 problem+json with {@code Retry-After} and returns
	 * false. Always true when rate limits are off.
	 */
	boolean admit(HttpServletRequest request, HttpServletResponse response, String tier, String caller)
			throws IOException;
}
