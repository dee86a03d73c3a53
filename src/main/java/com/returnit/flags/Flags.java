package com.returnit.flags;

/**
 * Evaluates feature flags for other modules. Answers from memory (every node reloads the flags within the refresh
 * interval), so it is cheap enough for a loop and keeps answering while the database is away.
 */
public interface Flags {

	/**
	 * Whether the flag is on for this target; {@code defaultValue} when no flag with this key exists, so that code
	 * behaves as before until an operator creates the flag. Every evaluation is counted per flag and variant.
	 */
	boolean isOn(String key, FlagTarget target, boolean defaultValue);
}
