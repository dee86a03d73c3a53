package com.returnit.policy;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a draft policy: the field (a JSON path such as {@code rules[1].expression}), a message, and
 * where in a rule's expression CEL found it ({@code line} and {@code column} from 1; null when CEL names no place).
 */
public record PolicyProblem(String field, String message, @Nullable Integer line, @Nullable Integer column) {
}
