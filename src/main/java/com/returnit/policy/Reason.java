package com.returnit.policy;

/** Why something is ineligible: the rule that refused it and a message a customer can read. */
public record Reason(String rule, String message) {
}
