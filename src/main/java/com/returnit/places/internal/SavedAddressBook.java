package com.returnit.places.internal;

import com.returnit.identity.CustomerErased;
import com.returnit.places.SavedAddresses;
import com.returnit.platform.Conflict;
import com.returnit.platform.Ids;
import com.returnit.platform.NotFound;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each customer's saved addresses: at most {@link #MAX_PER_CUSTOMER}, one per address text (compared ignoring case
 * and repeated blanks: saving the same text again answers the one already saved, unchanged). Deleted with the
 * customer when they erase their account.
 */
@Service
class SavedAddressBook implements SavedAddresses {

	static final int MAX_PER_CUSTOMER = 20;

	/** A saved address, and whether this request saved it (false: it was there already). */
	record Saved(SavedAddress address, boolean created) {
	}

	private final SavedAddressRepository addresses;
	private final Clock clock;

	SavedAddressBook(SavedAddressRepository addresses, Clock clock) {
		this.addresses = addresses;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SavedAddress> of(UUID customerId) {
		return addresses.of(customerId);
	}

	@Transactional
	Saved save(UUID customerId, @Nullable String label, String address, double lat, double lng) {
		String text = address.trim().replaceAll("\\s+", " ");
		addresses.lock(customerId);
		var existing = addresses.findByText(customerId, text);
		if (existing.isPresent()) {
			return new Saved(existing.get(), false);
		}
		if (addresses.count(customerId) >= MAX_PER_CUSTOMER) {
			throw new Conflict("You have saved " + MAX_PER_CUSTOMER + " addresses, the most there can be; delete one first.");
		}
		// as PostgreSQL keeps it (microseconds), so that this answer and every later one are the same
		SavedAddress saved = new SavedAddress(Ids.newId(clock), label == null || label.isBlank() ? null : label.trim(),
				text, lat, lng, clock.instant().truncatedTo(ChronoUnit.MICROS));
		addresses.insert(customerId, saved);
		return new Saved(saved, true);
	}

	@Transactional
	void delete(UUID customerId, UUID id) {
		if (!addresses.delete(customerId, id)) {
			throw new NotFound("Saved address");
		}
	}

	@ApplicationModuleListener
	void on(CustomerErased erased) {
		addresses.deleteAll(erased.customerId());
	}
}
