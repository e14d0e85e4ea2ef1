package io.predictionbatch.app.output;

import java.util.Optional;

/** Turns rows of values, one per column, into lines of an output file. Thread-safe. */
public interface RowFormatter {

    /** The file's first line, if the format has one. */
    Optional<String> header();

    /** One row as one line, without its line end. */
    String format(Object[] values);
}
