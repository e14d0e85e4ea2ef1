package io.predictionbatch.app.testdb;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The real services that tests run against, and what a test does where one is missing: it is
 * skipped with a message naming the service, except in CI ({@code CI=true}), where that is a
 * failure. PREDICTION_TEST_DB_URL and PREDICTION_TEST_DB_USER move the PostgreSQL.
 */
public final class TestServices {

    public static final String POSTGRES_URL = setting("PREDICTION_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = setting("PREDICTION_TEST_DB_USER", "postgres");

    private TestServices() {
    }

    /** Skips the test, or fails it in CI, for a service it needs that could not be reached. */
    public static void unavailable(String service, String neededBy, Exception cause) {
        String message = service + " is not available (" + cause.getMessage() + "); " + neededBy + " need it";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    /** An environment variable, or the fallback where it is unset or blank. */
    public static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
