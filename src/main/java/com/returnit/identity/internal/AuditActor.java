package com.returnit.identity.internal;

import com.returnit.platform.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The current caller's name as the audit log records it: its scope, or {@code system}. */
final class AuditActor {

	private AuditActor() {
	}

	static String current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth instanceof CallerAuthentication caller ? caller.getName() : AuditLog.SYSTEM;
	}
}
