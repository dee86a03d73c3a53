package com.returnit.platform.internal.audit;

import com.returnit.platform.AuditLog;
import com.returnit.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Inserts audit entries; the table's triggers refuse anything but INSERT and SELECT. */
@Service
class JdbcAuditLog implements AuditLog {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final Clock clock;

	JdbcAuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void record(String action, String targetType, @Nullable Object targetId, Map<String, ?> detail) {
		recordAs(currentActor(), action, targetType, targetId, detail);
	}

	@Override
	public void recordAs(String actor, String action, String targetType, @Nullable Object targetId,
			Map<String, ?> detail) {
		jdbc.sql("""
				INSERT INTO audit_events (id, occurred_at, actor, ip, action, target_type, target_id, detail)
				VALUES (:id, :at, :actor, :ip, :action, :type, :target, CAST(:detail AS jsonb))""")
			.param("id", Ids.newId(clock))
			.param("at", Timestamp.from(clock.instant()))
			.param("actor", actor)
			.param("ip", clientIp())
			.param("action", action)
			.param("type", targetType)
			.param("target", targetId == null ? null : targetId.toString())
			.param("detail", JSON.writeValueAsString(detail))
			.update();
	}

	private static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && auth.getName().contains(":")) {
			return auth.getName();
		}
		return RequestContextHolder.getRequestAttributes() == null ? SYSTEM : ANONYMOUS;
	}

	private static @Nullable String clientIp() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
				? servlet.getRequest().getRemoteAddr() : null;
	}
}
