package com.returnit.operations.internal;

import com.returnit.identity.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs inside the security filter chain, where the caller is known, and leaves its name on the request for
 * {@link RequestLog}, which logs after the security context is gone.
 */
class PrincipalMarker extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
			request.setAttribute(RequestLog.PRINCIPAL, caller.scope());
		}
		chain.doFilter(request, response);
	}
}
