package io.predictionbatch.app.embedded;

import java.sql.SQLException;

/** The home's database server could not be started or reached; the message names the log. */
public class DatabaseServerUnavailableException extends SQLException {

    public DatabaseServerUnavailableException(String message, Throwable cause) {
        super(message, "08001", cause);
    }
}
