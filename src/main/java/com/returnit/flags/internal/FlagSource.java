package com.returnit.flags.internal;

import com.returnit.flags.internal.domain.Flag;
import java.util.List;

/** Where the provider loads its snapshot from: PostgreSQL in the service, anything in a test. */
interface FlagSource {

	/** A number that changes whenever any flag changes; cheap to ask every few seconds. */
	long revision();

	List<Flag> all();
}
