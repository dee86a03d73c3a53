package com.returnit.operations.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A DataSource whose statements time their own executions and report those at or above a threshold, with their SQL
 * (never their parameters). Only the execute methods are timed; every other call goes straight to the driver's
 * statement, with nothing recorded on the way. It replaced datasource-proxy, whose recording of every parameter and
 * call cost a booking about 7% of its request CPU (docs/benchmarks.md).
 */
final class TimedStatements implements DataSource {

	/** Told of every execution that took at least the threshold. */
	interface Listener {

		void slow(String sql, long elapsedMillis);
	}

	private final DataSource target;
	private final long thresholdNanos;
	private final Listener listener;

	TimedStatements(DataSource target, long thresholdMillis, Listener listener) {
		this.target = target;
		this.thresholdNanos = thresholdMillis * 1_000_000;
		this.listener = listener;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return timed(target.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return timed(target.getConnection(username, password));
	}

	private Connection timed(Connection connection) {
		return (Connection) Proxy.newProxyInstance(TimedStatements.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new ConnectionHandler(connection));
	}

	private final class ConnectionHandler implements InvocationHandler {

		private final Connection connection;

		ConnectionHandler(Connection connection) {
			this.connection = connection;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			if (isIdentity(method)) {
				return identity(proxy, method, args);
			}
			Object result = call(connection, method, args);
			return switch (method.getName()) {
				case "prepareStatement" -> statement(proxy, PreparedStatement.class, result, (String) args[0]);
				case "prepareCall" -> statement(proxy, CallableStatement.class, result, (String) args[0]);
				case "createStatement" -> statement(proxy, Statement.class, result, null);
				default -> result;
			};
		}

		private Object statement(Object connectionProxy, Class<? extends Statement> type, @Nullable Object statement,
				@Nullable String sql) {
			return Proxy.newProxyInstance(TimedStatements.class.getClassLoader(), new Class<?>[] { type },
					new StatementHandler((Statement) statement, (Connection) connectionProxy, sql));
		}
	}

	private final class StatementHandler implements InvocationHandler {

		private final Statement statement;
		private final Connection connection;
		private final @Nullable String sql;

		StatementHandler(Statement statement, Connection connection, @Nullable String sql) {
			this.statement = statement;
			this.connection = connection;
			this.sql = sql;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			String name = method.getName();
			if (!name.startsWith("execute")) {
				if (isIdentity(method)) {
					return identity(proxy, method, args);
				}
				return "getConnection".equals(name) ? connection : call(statement, method, args);
			}
			long start = System.nanoTime();
			try {
				return call(statement, method, args);
			}
			finally {
				long elapsed = System.nanoTime() - start;
				if (elapsed >= thresholdNanos) {
					String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s
							: name.equals("executeBatch") ? "(a batch of statements)" : "(unknown statement)";
					listener.slow(text, elapsed / 1_000_000);
				}
			}
		}
	}

	/** A proxy equals only itself, as the pool's and Spring's bookkeeping of connections expects. */
	private static boolean isIdentity(Method method) {
		return method.getDeclaringClass() == Object.class
				&& (method.getName().equals("equals") || method.getName().equals("hashCode"));
	}

	private static Object identity(Object proxy, Method method, @Nullable Object[] args) {
		return method.getName().equals("equals") ? proxy == args[0] : System.identityHashCode(proxy);
	}

	private static @Nullable Object call(Object target, Method method, @Nullable Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return target.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		target.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		target.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return target.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return target.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || target.isWrapperFor(type);
	}
}
