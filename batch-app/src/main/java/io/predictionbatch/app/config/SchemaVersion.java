package io.predictionbatch.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.batch.core.job.Job;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the job repository's database already holds this release's schema: Spring Batch's
 * tables and {@code sql/schema.sql}, applied once per version instead of at every start of every
 * command. The version is a digest of {@code sql/schema.sql} and Spring Batch's version (whose
 * release fixes its schema script), recorded in {@code prediction_schema} once both are applied.
 */
public final class SchemaVersion {

    static final String SCRIPT = "sql/schema.sql";

    private final JdbcTemplate jdbc;
    private final String version;
    /** Asked once: Spring Batch's script and ours must both run, or both be skipped. */
    private Boolean applied;

    SchemaVersion(JdbcTemplate jdbc, String version) {
        this.jdbc = jdbc;
        this.version = version;
    }

    static SchemaVersion of(JdbcTemplate jdbc) {
        return new SchemaVersion(jdbc, digest(script(), Job.class.getPackage().getImplementationVersion()));
    }

    public synchronized boolean isApplied() {
        if (applied == null) {
            try {
                applied = jdbc.queryForObject("SELECT COUNT(*) FROM prediction_schema WHERE version = ?",
                        Integer.class, version) > 0;
            } catch (DataAccessException e) {
                applied = false; // a new database: no table yet
            }
        }
        return applied;
    }

    /** Records this version once both scripts are applied; another process may just have done so. */
    void recordApplied() {
        try {
            jdbc.update("INSERT INTO prediction_schema (version, applied_at) SELECT ?, CURRENT_TIMESTAMP"
                    + " WHERE NOT EXISTS (SELECT 1 FROM prediction_schema WHERE version = ?)", version, version);
        } catch (DuplicateKeyException e) {
            // recorded by a process that applied them at the same time
        }
    }

    static String digest(byte[] script, String batchVersion) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(script);
            sha256.update(String.valueOf(batchVersion).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static byte[] script() {
        try (InputStream in = new ClassPathResource(SCRIPT).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SCRIPT + " from the application", e);
        }
    }
}
