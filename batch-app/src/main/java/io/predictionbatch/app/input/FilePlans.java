package io.predictionbatch.app.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plans input files into slices, remembering the last few plans: a job's file is scanned before
 * the job starts (so a file with no record ends is refused before any job exists) and its
 * partitions are planned from the same scan, not from a second pass over the file. A plan is
 * used again only for the same file, unchanged (size and modification time), dialect and number
 * of partitions.
 */
public final class FilePlans {

    private static final int REMEMBERED = 4;

    private record Key(Path file, long size, long lastModified, InputDialect dialect, int partitions) {
    }

    private final Map<Key, FilePlan> plans = new LinkedHashMap<>(REMEMBERED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, FilePlan> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The file's slices; {@link InvalidInputException} when a quote never closes. */
    public FilePlan plan(Path file, InputDialect dialect, int partitions) {
        Key key;
        try {
            key = new Key(file, Files.size(file), Files.getLastModifiedTime(file).toMillis(), dialect, partitions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read input file '" + file + "': " + e.getMessage(), e);
        }
        synchronized (plans) {
            FilePlan plan = plans.get(key);
            if (plan != null) {
                return plan;
            }
        }
        FilePlan plan = new RecordBoundaryScanner(dialect).scan(file, partitions);
        if (plan.size() == key.size() && plan.lastModified() == key.lastModified()) {
            synchronized (plans) {
                plans.put(key, plan);
            }
        }
        return plan;
    }
}
