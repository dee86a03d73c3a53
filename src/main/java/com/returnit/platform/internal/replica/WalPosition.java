package com.returnit.platform.internal.replica;

import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A position in PostgreSQL's write-ahead log ({@code pg_lsn}, written {@code 16/B374D848}) as an unsigned 64-bit
 * number: a read may use the replica once the replica has replayed at least the position the reader needs.
 */
final class WalPosition {

	/** Nothing needed: any replica will do. */
	static final long NONE = 0;
	/** Everything replayed: a server that is not in recovery is its own primary. */
	static final long EVERYTHING = -1L;

	private WalPosition() {
	}

	/** Reads {@code X/Y} (two hexadecimal numbers of at most 8 digits); throws IllegalArgumentException otherwise. */
	static long parse(String text) {
		int slash = text.indexOf('/');
		if (slash < 1 || slash > 8 || text.length() - slash - 1 < 1 || text.length() - slash - 1 > 8) {
			throw new IllegalArgumentException("not a WAL position: " + text);
		}
		return HexFormat.fromHexDigitsToLong(text, 0, slash) << 32
				| HexFormat.fromHexDigitsToLong(text, slash + 1, text.length());
	}

	static long parseOrNone(@Nullable String text) {
		return text == null ? NONE : parse(text);
	}

	static String format(long position) {
		return (Long.toHexString(position >>> 32) + "/" + Long.toHexString(position & 0xFFFF_FFFFL))
			.toUpperCase(Locale.ROOT);
	}

	/** Sixteen hexadecimal digits: ordered as text as the positions are as numbers (Redis compares strings). */
	static String sortable(long position) {
		return HexFormat.of().toHexDigits(position);
	}

	static long fromSortable(String text) {
		return HexFormat.fromHexDigitsToLong(text);
	}

	static boolean covers(long replayed, long needed) {
		return Long.compareUnsigned(needed, replayed) <= 0;
	}

	static long later(long a, long b) {
		return Long.compareUnsigned(a, b) >= 0 ? a : b;
	}
}
