package com.returnit.platform.internal.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event publications left incomplete for a listener that now runs in the publisher's transaction (ADR 0053): a node
 * of the previous version stored them before the upgrade, or while it still ran beside new ones. Spring Modulith
 * resubmits a publication only to a transactional listener of the same id, so for these it would log "Listener not
 * found" and leave them failed for good. On start and every minute, each such publication is run once through its
 * listener's own method and completed in the same transaction, so an upgrade loses none of them.
 */
@Component
class FoldedListenerPublications {

	private static final Logger log = LoggerFactory.getLogger(FoldedListenerPublications.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final ApplicationContext context;
	private final JsonMapper json;
	private final Clock clock;
	/** Listener id to its method when that method is a synchronous listener now; empty when it is not. */
	private final Map<String, Optional<Method>> folded = new ConcurrentHashMap<>();

	FoldedListenerPublications(JdbcClient jdbc, TransactionTemplate tx, ApplicationContext context,
			JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.context = context;
		this.json = json;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		runAll();
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void periodically() {
		runAll();
	}

	/** Runs every such publication; answers how many. */
	int runAll() {
		List<String> listeners = jdbc.sql("SELECT DISTINCT listener_id FROM event_publication WHERE completion_date IS NULL")
			.query(String.class).list().stream()
			.filter(id -> folded.computeIfAbsent(id, FoldedListenerPublications::synchronousListener).isPresent())
			.toList();
		int ran = 0;
		// a publication whose listener fails is left for the next run, and does not hold up the others
		Set<UUID> failed = new HashSet<>(Set.of(new UUID(0, 0)));
		while (!listeners.isEmpty()) {
			Row row = null;
			try {
				row = tx.execute(status -> runOne(listeners, failed));
			}
			catch (RuntimeException e) {
				log.warn("An event publication of a listener that now runs in the publisher's transaction failed; "
						+ "it runs again in a minute", e);
				continue;
			}
			if (row == null) {
				break;
			}
			ran++;
		}
		if (ran > 0) {
			log.info("Ran {} event publication(s) of listeners that now run in the publisher's transaction", ran);
		}
		return ran;
	}

	private record Row(UUID id, String listenerId, String eventType, String serialized) {
	}

	/** Locks the oldest such publication not failed in this run, runs it and completes it; null when none is left. */
	private @Nullable Row runOne(List<String> listeners, Set<UUID> failed) {
		Row row = jdbc.sql("""
				SELECT id, listener_id, event_type, serialized_event FROM event_publication
				WHERE completion_date IS NULL AND listener_id IN (:listeners) AND id NOT IN (:failed)
				ORDER BY publication_date LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.param("listeners", listeners).param("failed", failed)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional().orElse(null);
		if (row == null) {
			return null;
		}
		failed.add(row.id()); // until it completes: a failure below rolls back and leaves it for the next run
		Method method = folded.get(row.listenerId()).orElseThrow();
		// as the registry's Jackson serializer wrote it: the event's JSON
		Object event = json.readValue(row.serialized(), load(row.eventType()));
		try {
			method.invoke(context.getBean(method.getDeclaringClass()), event);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
		catch (InvocationTargetException e) {
			ReflectionUtils.rethrowRuntimeException(e.getTargetException());
		}
		jdbc.sql("UPDATE event_publication SET completion_date = :now, status = 'COMPLETED' WHERE id = :id")
			.param("now", Timestamp.from(clock.instant())).param("id", row.id()).update();
		return row;
	}

	/**
	 * The method a listener id ({@code pkg.Type.method(pkg.EventType)}, Spring's default) names, when it is a plain
	 * {@code @EventListener} (not a transactional or module listener) of a bean of this service.
	 */
	static Optional<Method> synchronousListener(String listenerId) {
		int open = listenerId.indexOf('(');
		int dot = listenerId.lastIndexOf('.', open);
		if (open < 0 || dot < 0 || !listenerId.endsWith(")") || !listenerId.startsWith("com.returnit.")) {
			return Optional.empty();
		}
		try {
			Class<?> type = load(listenerId.substring(0, dot));
			String name = listenerId.substring(dot + 1, open);
			String parameters = listenerId.substring(open + 1, listenerId.length() - 1);
			Class<?>[] parameterTypes = parameters.isEmpty() ? new Class<?>[0]
					: java.util.Arrays.stream(parameters.split(",")).map(p -> load(p.trim())).toArray(Class<?>[]::new);
			Method method = type.getDeclaredMethod(name, parameterTypes);
			boolean synchronous = AnnotatedElementUtils.hasAnnotation(method, EventListener.class)
					&& !AnnotatedElementUtils.hasAnnotation(method, TransactionalEventListener.class);
			if (synchronous) {
				ReflectionUtils.makeAccessible(method);
			}
			return synchronous ? Optional.of(method) : Optional.empty();
		}
		catch (NoSuchMethodException | IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static Class<?> load(String name) {
		try {
			return ClassUtils.forName(name, FoldedListenerPublications.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError e) {
			throw new IllegalArgumentException(name, e);
		}
	}
}
