package com.returnit.orders.internal;

import java.io.IOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/**
 * Writes CSV rows (RFC 4180: comma-separated, quoted when needed, CRLF line ends). A cell that a spreadsheet would run
 * as a formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed with {@code '} so that it
 * stays text (OWASP, CSV injection).
 */
final class CsvCells {

	private CsvCells() {
	}

	static void row(Writer out, @Nullable Object... cells) throws IOException {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(cell(cells[i]));
		}
		out.write("\r\n");
	}

	static String cell(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}
}
