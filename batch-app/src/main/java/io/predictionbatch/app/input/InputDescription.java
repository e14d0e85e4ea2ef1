package io.predictionbatch.app.input;

import java.nio.file.Path;
import java.util.List;

/**
 * An input file that passed inspection.
 *
 * @param file the file, absolute
 * @param format its record format
 * @param columns for CSV, the header's column names in order; empty for JSON Lines
 */
public record InputDescription(Path file, InputFormat format, List<String> columns) {
}
