package org.smartphone.payroll.failure;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Says in one line what went wrong in an unexpected failure, for the treasurer's message. */
public final class Failures {

    private Failures() {}

    public static String describe(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isConnectionLoss(t)) {
                return "the connection to the database was lost (" + t.getMessage() + ")";
            }
            root = t;
        }
        if (root instanceof java.io.IOException) {
            return "a file could not be written or read (" + root.getClass().getSimpleName() + ": " + root.getMessage()
                    + ")";
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * SQLSTATE class 08 is "connection exception", 57P0x "the server shut down or restarted"; the
     * pool reports a connection it found dead as "Connection is closed".
     */
    private static boolean isConnectionLoss(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SocketException) {
            return true;
        }
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        return state.startsWith("08")
                || state.startsWith("57P")
                || String.valueOf(sql.getMessage()).contains("Connection is closed");
    }
}
