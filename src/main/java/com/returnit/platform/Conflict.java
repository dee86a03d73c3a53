package com.returnit.platform;

/** The request is valid but clashes with the resource's current state: 409. */
public class Conflict extends RuntimeException {

	public Conflict(String detail) {
		super(detail);
	}
}
