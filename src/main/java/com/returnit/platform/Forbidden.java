package com.returnit.platform;

/** The caller is known but their role may not do this: 403. */
public class Forbidden extends RuntimeException {

	public Forbidden(String detail) {
		super(detail);
	}
}
