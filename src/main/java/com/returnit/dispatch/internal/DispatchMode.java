package com.returnit.dispatch.internal;

/** How due orders meet drivers (ADR 0009). */
enum DispatchMode {

	/** Each due order, oldest first, is offered at once to the nearest fitting driver. */
	GREEDY,

	/** Every batch interval, all due orders are paired with drivers at the least total pickup distance. */
	BATCHED
}
