package io.predictionbatch.app.output;

import java.nio.file.Path;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.core.io.FileSystemResource;

/**
 * Part-file writers. Spring Batch's flat file writer buffers a chunk's lines until the chunk's
 * transaction commits and saves the committed file length, which a restart truncates back to:
 * a part file never holds a line of a chunk that was rolled back, nor a line twice.
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
        return writer;
    }
}
