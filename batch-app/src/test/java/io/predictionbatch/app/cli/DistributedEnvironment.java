package io.predictionbatch.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.predictionbatch.app.testdb.TestServices;

/**
 * The real PostgreSQL and Redis that distributed-mode tests run against (127.0.0.1 by default;
 * PREDICTION_TEST_DB_URL, PREDICTION_TEST_DB_USER, PREDICTION_TEST_REDIS_HOST and
 * PREDICTION_TEST_REDIS_PORT move them). Each test gets a schema and a Redis queue of its own.
 * Where a service is missing the tests are skipped with a message naming it, except in CI
 * ({@code CI=true}), where that is a failure.
 */
final class DistributedEnvironment implements AutoCloseable {

    private static final String DB_URL = TestServices.POSTGRES_URL;
    private static final String DB_USER = TestServices.POSTGRES_USER;
    private static final String REDIS_HOST = TestServices.setting("PREDICTION_TEST_REDIS_HOST", "127.0.0.1");
    private static final int REDIS_PORT = Integer.parseInt(TestServices.setting("PREDICTION_TEST_REDIS_PORT", "6379"));

    private final String schema = "pb_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String queue = "prediction-batch:it:" + schema;

    private DistributedEnvironment() {
    }

    static DistributedEnvironment create() {
        requireRedis();
        DistributedEnvironment environment = new DistributedEnvironment();
        environment.sql("CREATE SCHEMA " + environment.schema);
        return environment;
    }

    /** What a process in distributed mode needs, with short timeouts so that tests run fast. */
    Map<String, String> processEnvironment() {
        return processEnvironment(DB_URL, REDIS_HOST, REDIS_PORT);
    }

    /** The same, with a Redis of the test's own on a local port (a {@link PrivateRedis}). */
    Map<String, String> withLocalRedis(int port) {
        return processEnvironment(DB_URL, "127.0.0.1", port);
    }

    /** The same, with the database reached through a local port (a {@link TcpProxy} to it). */
    Map<String, String> withDatabaseThrough(int localPort) {
        return processEnvironment(DB_URL.replaceFirst("//[^/]+/", "//127.0.0.1:" + localPort + "/"), REDIS_HOST,
                REDIS_PORT);
    }

    /** The environment of a distributed setup whose database and Redis cannot be reached: nothing listens on port 1. */
    static Map<String, String> unreachable() {
        return Map.of("SPRING_PROFILES_ACTIVE", "distributed",
                "PREDICTION_DB_URL", "jdbc:postgresql://127.0.0.1:1/nowhere", "PREDICTION_REDIS_PORT", "1");
    }

    /** Host and port of the database, for a {@link TcpProxy}. */
    static String[] databaseAddress() {
        String hostAndPort = DB_URL.replaceFirst("^jdbc:postgresql://([^/]+)/.*$", "$1");
        return hostAndPort.contains(":") ? hostAndPort.split(":") : new String[] {hostAndPort, "5432"};
    }

    private Map<String, String> processEnvironment(String databaseUrl, String redisHost, int redisPort) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "distributed");
        environment.put("PREDICTION_DB_URL", databaseUrl + (databaseUrl.contains("?") ? "&" : "?") + "currentSchema="
                + schema);
        environment.put("PREDICTION_DB_USER", DB_USER);
        environment.put("PREDICTION_REDIS_HOST", redisHost);
        environment.put("PREDICTION_REDIS_PORT", String.valueOf(redisPort));
        environment.put("PREDICTION_DISTRIBUTED_QUEUE", queue);
        environment.put("PREDICTION_DISTRIBUTED_HEARTBEATINTERVAL", "500ms");
        environment.put("PREDICTION_DISTRIBUTED_WORKERTIMEOUT", "3s");
        environment.put("PREDICTION_DISTRIBUTED_POLLINTERVAL", "200ms");
        environment.put("PREDICTION_TASKS_QUEUE", taskQueue());
        environment.put("PREDICTION_TASKS_CHANNEL", queue + ":tasks-finished");
        environment.put("PREDICTION_TASKS_HEARTBEATINTERVAL", "500ms");
        environment.put("PREDICTION_TASKS_WORKERTIMEOUT", "3s");
        return Map.copyOf(environment);
    }

    /** The rows a query gives in this test's schema, each as its columns joined by commas. */
    List<String> rows(String query) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(DB_URL, DB_USER, "");
                Statement sql = connection.createStatement()) {
            sql.execute("SET search_path TO " + schema);
            try (ResultSet result = sql.executeQuery(query)) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int column = 1; column <= columns; column++) {
                        row.append(column > 1 ? "," : "").append(result.getString(column));
                    }
                    rows.add(row.toString());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** Sends one command to the tests' Redis and returns the first line of its reply. */
    static String redis(String... command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(REDIS_HOST, REDIS_PORT), 2000);
            StringBuilder request = new StringBuilder("*" + command.length + "\r\n");
            for (String part : command) {
                request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part)
                        .append("\r\n");
            }
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new IllegalStateException("Redis " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    /** The Redis list of this test's task requests. */
    String taskQueue() {
        return queue + ":tasks";
    }

    @Override
    public void close() {
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void sql(String statement) {
        try (Connection connection = DriverManager.getConnection(DB_URL, DB_USER, "");
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            unavailable("PostgreSQL at " + DB_URL + " (user " + DB_USER + ")", e);
        }
    }

    private static void requireRedis() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(REDIS_HOST, REDIS_PORT), 2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            if (!new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                throw new IOException("unexpected reply to PING");
            }
        } catch (IOException e) {
            unavailable("Redis at " + REDIS_HOST + ":" + REDIS_PORT, e);
        }
    }

    private static void unavailable(String service, Exception cause) {
        TestServices.unavailable(service, "distributed-mode tests", cause);
    }
}
