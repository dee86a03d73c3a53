package com.returnit.returnlinks.internal;

import com.returnit.identity.CustomerErased;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** An erased customer's name, email and phone leave their return sessions too; unused links stop working. */
@Component
class SessionErasure {

	private final ReturnSessionRepository sessions;
	private final Clock clock;

	SessionErasure(ReturnSessionRepository sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CustomerErased erased) {
		sessions.eraseCustomer(erased.customerId(), clock.instant());
	}
}
