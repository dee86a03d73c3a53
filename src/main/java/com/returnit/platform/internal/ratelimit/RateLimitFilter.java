package com.returnit.platform.internal.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits by tier ({@link RequestLimiter}) on the API, after authentication so the caller is known. A request the location
 * pings' direct path has already counted is not counted again.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final RequestLimiter limiter;

	RateLimitFilter(RequestLimiter limiter) {
		this.limiter = limiter;
	}

	/** The API is limited; the web app's files (served from the jar, cheap) and the probes are not. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// the decoded path: "/%761/orders" is the API as much as "/v1/orders" is
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		return !limiter.enabled() || !(path.startsWith("/v1/") || path.startsWith("/v3/"))
				|| request.getAttribute(RequestLimiter.COUNTED) != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (limiter.admit(request, response, tierOf(request), callerOf(request))) {
			chain.doFilter(request, response);
		}
	}

	private static String tierOf(HttpServletRequest request) {
		String role = role();
		if ("driver".equals(role) && "POST".equals(request.getMethod())
				&& "/v1/drivers/me/locations".equals(request.getRequestURI())) {
			return "driver-pings";
		}
		return role == null ? "anonymous" : role;
	}

	/** The account (or merchant) for callers with a role, the client IP for everyone else. */
	private static String callerOf(HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return role() == null ? request.getRemoteAddr() : auth.getName();
	}

	private static String role() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated()) {
			return null;
		}
		return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.filter(authority -> authority != null && authority.startsWith("ROLE_"))
			.map(authority -> authority.substring(5).toLowerCase(java.util.Locale.ROOT))
			.findFirst().orElse(null);
	}
}
