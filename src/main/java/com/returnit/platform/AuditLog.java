package com.returnit.platform;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The append-only audit trail of security-relevant acts: logins, key changes, policy changes, refunds, role changes,
 * data exports and erasures. Recorded in the caller's transaction when there is one, so an act and its audit entry
 * commit together. Entries can never be changed or removed (ADR 0016).
 */
public interface AuditLog {

	/** Who did it: {@code "<role>:<id>"} of an authenticated caller, {@code "anonymous"} or {@code "system"}. */
	String SYSTEM = "system";

	String ANONYMOUS = "anonymous";

	/**
	 * Records an act by the caller of the current request (or {@link #SYSTEM} outside a request), with the request's
	 * client IP. {@code detail} holds small strings or numbers, never secrets.
	 */
	void record(String action, String targetType, @Nullable Object targetId, Map<String, ?> detail);

	/** Records an act by a named actor, for example the account that just logged in. */
	void recordAs(String actor, String action, String targetType, @Nullable Object targetId, Map<String, ?> detail);
}
