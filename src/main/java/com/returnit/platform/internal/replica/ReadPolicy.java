package com.returnit.platform.internal.replica;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Which reads may be served by the replica (ADR 0024): a read-only transaction begun while serving a GET (or HEAD)
 * request, unless the caller wrote something within the read-your-writes window (on this node) or asked for the
 * latest with {@code Cache-Control: no-cache}. Everything else (writes, reads inside a write, background jobs, event
 * listeners) runs on the primary. As an interceptor it remembers who wrote: any other method answered below 400.
 */
class ReadPolicy implements HandlerInterceptor {

	private final Cache<String, Boolean> recentWriters;

	ReadPolicy(Duration readYourWrites) {
		this.recentWriters = Caffeine.newBuilder().expireAfterWrite(readYourWrites).maximumSize(100_000).build();
	}

	boolean mayUseReplica() {
		if (ReplicaUse.primaryOnly()
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return false;
		}
		HttpServletRequest request = attributes.getRequest();
		if (!isRead(request.getMethod()) || wantsLatest(request.getHeader("Cache-Control"))) {
			return false;
		}
		String caller = caller();
		return caller == null || recentWriters.getIfPresent(caller) == null;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		String caller = caller();
		if (!isRead(request.getMethod()) && !"OPTIONS".equals(request.getMethod()) && response.getStatus() < 400
				&& caller != null) {
			recentWriters.put(caller, Boolean.TRUE);
		}
	}

	private static boolean isRead(String method) {
		return "GET".equals(method) || "HEAD".equals(method);
	}

	private static boolean wantsLatest(@Nullable String cacheControl) {
		return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-cache");
	}

	private static @Nullable String caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
	}
}
