package com.returnit.slots;

import com.returnit.platform.Conflict;

/** Every seat of the pickup window is held: 409 problem+json with {@code code: slot_full}. */
public class SlotFull extends Conflict {

	public static final String CODE = "slot_full";

	public SlotFull() {
		super("This pickup window is full; choose another.", java.util.Map.of("code", CODE));
	}
}
