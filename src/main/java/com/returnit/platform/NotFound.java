package com.returnit.platform;

/** The resource does not exist, or the caller may not know that it does: both answer 404. */
public class NotFound extends RuntimeException {

	public NotFound(String what) {
		super(what + " not found");
	}
}
