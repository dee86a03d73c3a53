package com.returnit.orders.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's orders as CSV, newest first, written row by row as PostgreSQL hands them over: the query runs in a
 * read-only transaction with a fetch size, so the driver reads through a server-side cursor {@value #FETCH_SIZE} rows
 * at a time, and no list of the orders is ever built. An export of any size takes the same memory.
 */
@Component
class OrderExport {

	static final int FETCH_SIZE = 500;

	static final String[] COLUMNS = { "order_id", "created_at", "status", "customer_name", "customer_email",
			"merchant_order_ref", "items", "price_cents", "currency", "window_start", "window_end", "picked_up_at",
			"delivered_at" };

	private final NamedParameterJdbcTemplate jdbc;

	OrderExport(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = new NamedParameterJdbcTemplate(template);
	}

	/** Writes the header and every order in scope that the filter keeps; answers how many orders it wrote. */
	@Transactional(readOnly = true)
	long write(OrderRepository.Scope scope, OrderFilter filter, Writer out) throws IOException {
		OrderRepository.PageQuery where = OrderRepository.where(scope, filter);
		String sql = """
				SELECT o.id, o.created_at, o.status, o.customer_name, o.customer_email, o.merchant_order_ref,
				  (SELECT string_agg(item ->> 'sku', '; ' ORDER BY position)
				   FROM jsonb_array_elements(o.items) WITH ORDINALITY AS listed(item, position)) AS skus,
				  o.amount_cents, o.currency, o.window_start, o.window_end,
				  (SELECT min(t.occurred_at) FROM order_timeline t
				   WHERE t.order_id = o.id AND t.type = 'order.picked_up') AS picked_up_at,
				  (SELECT min(t.occurred_at) FROM order_timeline t
				   WHERE t.order_id = o.id AND t.type = 'order.delivered') AS delivered_at
				FROM orders o WHERE %s ORDER BY o.id DESC""".formatted(where.sql());
		CsvCells.row(out, (Object[]) COLUMNS);
		long[] rows = { 0 };
		jdbc.query(sql, where.params(), (ResultSet rs) -> {
			writeRow(rs, out);
			rows[0]++;
		});
		out.flush();
		return rows[0];
	}

	private static void writeRow(ResultSet rs, Writer out) throws SQLException {
		try {
			CsvCells.row(out, rs.getObject("id"), instant(rs.getTimestamp("created_at")), rs.getString("status"),
					rs.getString("customer_name"), rs.getString("customer_email"), rs.getString("merchant_order_ref"),
					rs.getString("skus"), rs.getLong("amount_cents"), rs.getString("currency"),
					instant(rs.getTimestamp("window_start")), instant(rs.getTimestamp("window_end")),
					instant(rs.getTimestamp("picked_up_at")), instant(rs.getTimestamp("delivered_at")));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static @Nullable String instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant().toString();
	}
}
