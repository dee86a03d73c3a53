package com.returnit.platform.internal.replica;

import com.returnit.platform.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Which reads may be served by the replica (ADR 0024, 0026): a read-only transaction begun while serving a GET (or
 * HEAD) request, without {@code Cache-Control: no-cache}, and only if the replica has replayed the primary's log past
 * the position this read needs: the end of the caller's last write (on whichever node it was made, see
 * {@link WritePositions}) and the position the request names in {@code ReturnIt-Read-After}. Everything else
 * (writes, reads inside a write, background jobs, event listeners) runs on the primary. As an interceptor it refuses
 * a malformed {@code ReturnIt-Read-After}.
 */
class ReadPolicy implements HandlerInterceptor {

	static final String READ_AFTER = "ReturnIt-Read-After";
	private static final Logger log = LoggerFactory.getLogger(ReadPolicy.class);
	private static final String DECIDED = ReadPolicy.class.getName() + ".replica";

	private final WritePositions positions;

	ReadPolicy(WritePositions positions) {
		this.positions = positions;
	}

	/** Whether this read may use a replica that has replayed the log up to {@code replayed}. */
	boolean mayUseReplica(long replayed) {
		if (ReplicaUse.primaryOnly()
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return false;
		}
		HttpServletRequest request = attributes.getRequest();
		if (!isRead(request.getMethod()) || wantsLatest(request.getHeader("Cache-Control"))) {
			return false;
		}
		if (replayed == WalPosition.EVERYTHING) {
			return true;
		}
		// decided once per request: a second read-only transaction of the request goes where the first went (a replica
		// that had replayed all this request needs still has; the primary always has)
		if (request.getAttribute(DECIDED) instanceof Boolean decided) {
			return decided;
		}
		boolean replica = WalPosition.covers(replayed, needed(request, replayed));
		request.setAttribute(DECIDED, replica);
		return replica;
	}

	private long needed(HttpServletRequest request, long replayed) {
		long asked = asked(request.getHeader(READ_AFTER));
		if (!WalPosition.covers(replayed, asked)) {
			return asked;
		}
		String caller = caller();
		if (caller == null) {
			return asked;
		}
		try {
			return WalPosition.later(asked, positions.neededBy(caller, replayed));
		}
		catch (RuntimeException e) {
			// the primary cannot be asked (it is down: nobody can write either); the replica, within max-lag, serves
			log.debug("Write position of a caller unknown, the replica's lag bounds this read: {}", e.getMessage());
			return asked;
		}
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String readAfter = request.getHeader(READ_AFTER);
		if (readAfter != null && isRead(request.getMethod())) {
			try {
				WalPosition.parse(readAfter.strip());
			}
			catch (IllegalArgumentException e) {
				throw InvalidInput.badRequest(READ_AFTER,
						"must be a position as sent in this header by a write, such as 0/16B3748");
			}
		}
		return true;
	}

	private static long asked(@Nullable String readAfter) {
		try {
			return readAfter == null ? WalPosition.NONE : WalPosition.parse(readAfter.strip());
		}
		catch (IllegalArgumentException e) {
			// refused by preHandle; a read outside a handler ignores it
			return WalPosition.NONE;
		}
	}

	static boolean isRead(String method) {
		return "GET".equals(method) || "HEAD".equals(method);
	}

	private static boolean wantsLatest(@Nullable String cacheControl) {
		return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-cache");
	}

	static @Nullable String caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
	}
}
