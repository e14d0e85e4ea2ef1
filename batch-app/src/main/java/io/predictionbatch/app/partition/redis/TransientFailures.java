package io.predictionbatch.app.partition.redis;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by infrastructure that was away for a moment (the database or Redis
 * unreachable, a connection dropped) from one that will happen again (a bad file, too many
 * rejected records), by the types in the failure's chain of causes.
 */
final class TransientFailures {

    /** The exit code a worker gives a partition that failed for a transient reason. */
    static final String EXIT_CODE = "FAILED_TRANSIENT";

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SocketException || isConnectionState(cause)) {
                return true;
            }
        }
        return false;
    }

    /** SQL state class 08 is "connection exception" in the SQL standard, which PostgreSQL follows. */
    private static boolean isConnectionState(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }
}
