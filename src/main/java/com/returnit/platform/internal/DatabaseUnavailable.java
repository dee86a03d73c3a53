package com.returnit.platform.internal;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells whether an error means that the database cannot be reached, or did not answer in time: the client should retry
 * later (503 with Retry-After), it did nothing wrong and the service has no bug. SQL states of class 08 are connection
 * failures, 57P01-57P03 a server shutting down or starting, 57014 a statement cancelled by statement_timeout. A
 * failed commit or rollback (TransactionSystemException) is the connection dying under the transaction.
 */
public final class DatabaseUnavailable {

	/** What a client is told to wait before retrying: about the time the service needs to reconnect. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	static final String DETAIL = "The database is unavailable or too slow right now; retry in a few seconds.";

	private DatabaseUnavailable() {
	}

	public static boolean causedBy(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof TransactionSystemException
					|| t instanceof QueryTimeoutException || t instanceof SQLTransientConnectionException
					|| t instanceof ConnectException) {
				return true;
			}
			if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private static boolean unavailableState(String state) {
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03") || state.equals("57014"));
	}
}
