package io.predictionbatch.app.output;

import java.nio.file.Path;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.core.io.FileSystemResource;

/**
 * Part-file writers. Spring Batch's flat file writer saves the file's length with each chunk's
 * commit, and a restart truncates the file back to it: a restarted part file never holds a line of
 * a chunk that was rolled back, nor a line twice.
 *
 * <p>The lines of a chunk go to the file as the chunk is written, not held until its commit (the
 * writer is not {@linkplain FlatFileItemWriter#setTransactional transactional}). That is safe here
 * because a partition's step never writes a chunk again in the same run: it skips and retries
 * nothing (rejected records are set aside by the processor), so a chunk that fails fails the step,
 * and only a restart, which truncates, writes on. Holding the lines cost copies of each chunk's text
 * that the 10M-row job felt: the buffer was made a string and encoded once to measure it for the
 * saved length and once more to write it.
 */
public final class PartWriters {

    /** The execution-context key under which a writer named {@code name} keeps its line count. */
    public static String writtenKey(String name) {
        return name + ".written";
    }

    private PartWriters() {
    }

    public static <T> FlatFileItemWriter<T> create(String name, Path file, RowFormatter rows,
            Function<T, Object[]> values) {
        FlatFileItemWriter<T> writer = new FlatFileItemWriter<>(new FileSystemResource(file),
                item -> rows.format(values.apply(item)));
        writer.setName(name);
        writer.setLineSeparator("\n");
        writer.setEncoding("UTF-8");
        writer.setTransactional(false);
        return writer;
    }
}
