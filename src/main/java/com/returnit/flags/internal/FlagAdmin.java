package com.returnit.flags.internal;

import com.returnit.flags.internal.domain.Flag;
import com.returnit.platform.AuditLog;
import com.returnit.platform.Conflict;
import com.returnit.platform.NotFound;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operators' changes to flags: each one written with its audit entry in one transaction. */
@Service
class FlagAdmin {

	/** What a save did: the flag as stored, and whether it was new. */
	record Saved(Flag flag, boolean created) {
	}

	private final FlagRepository flags;
	private final AuditLog audit;
	private final Clock clock;

	FlagAdmin(FlagRepository flags, AuditLog audit, Clock clock) {
		this.flags = flags;
		this.audit = audit;
		this.clock = clock;
	}

	/** Creates or replaces the flag (its time as PostgreSQL stores it, so that a read answers the same); 409 when {@code expectedVersion} is given and is not the stored version. */
	@Transactional
	Saved save(FlagChange change) {
		Optional<Flag> existing = flags.lock(change.key());
		long current = existing.map(Flag::version).orElse(0L);
		if (change.expectedVersion() != null && change.expectedVersion() != current) {
			throw new Conflict("Flag " + change.key() + " is at version " + current + ", not "
					+ change.expectedVersion() + ": reload it and apply your change again.");
		}
		Flag flag = new Flag(change.key(), change.description(), change.enabled(), change.rolloutBasisPoints(),
				change.roles(), change.merchantIds(), change.serviceAreaIds(), change.defaultOn(), current + 1,
				clock.instant().truncatedTo(ChronoUnit.MICROS));
		flags.save(flag);
		audit.record(existing.isEmpty() ? "flag.created" : "flag.changed", "flag", flag.key(), detail(flag));
		return new Saved(flag, existing.isEmpty());
	}

	@Transactional
	void delete(String key) {
		Flag flag = flags.lock(key).orElseThrow(() -> new NotFound("Flag"));
		flags.delete(key);
		audit.record("flag.deleted", "flag", key, detail(flag));
	}

	private static Map<String, Object> detail(Flag flag) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("enabled", flag.enabled());
		detail.put("rolloutPercentage", BigDecimal.valueOf(flag.rolloutBasisPoints(), 2).stripTrailingZeros().toPlainString());
		detail.put("roles", flag.roles().stream().sorted().collect(Collectors.joining(",")));
		detail.put("merchantIds", flag.merchantIds().size());
		detail.put("serviceAreaIds", flag.serviceAreaIds().size());
		detail.put("defaultVariant", flag.defaultOn() ? "on" : "off");
		detail.put("version", flag.version());
		return detail;
	}
}
