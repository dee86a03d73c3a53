package com.returnit.backups.internal;

import com.returnit.backups.internal.domain.RowCounts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Exact rows per table of a database: every ordinary table (each partition, not the partitioned parents). */
final class TableCounter {

	private static final String TABLES = """
			SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
			ORDER BY 1""";

	private TableCounter() {
	}

	static RowCounts count(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		Map<String, Long> counts = new TreeMap<>();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery(TABLES)) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			for (String table : tables) {
				try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
					rows.next();
					counts.put(table, rows.getLong(1));
				}
			}
		}
		return new RowCounts(counts);
	}

	static int serverMajor(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SHOW server_version_num")) {
			rows.next();
			return Integer.parseInt(rows.getString(1)) / 10000;
		}
	}
}
