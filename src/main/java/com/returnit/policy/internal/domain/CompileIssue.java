package com.returnit.policy.internal.domain;

import org.jspecify.annotations.Nullable;

/** One compile or type error of a rule's expression, with its place ({@code line} and {@code column} from 1) if known. */
public record CompileIssue(String message, @Nullable Integer line, @Nullable Integer column) {
}
