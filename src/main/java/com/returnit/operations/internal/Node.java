package com.returnit.operations.internal;

import java.lang.management.ManagementFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** This node's name in shared tables: {@code returnit.operations.node-name}, or pid@host. */
@Component
class Node {

	private final String name;

	Node(@Value("${returnit.operations.node-name:}") String configured) {
		this.name = configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured;
	}

	String name() {
		return name;
	}
}
