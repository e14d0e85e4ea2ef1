package io.predictionbatch.app.cli.task;

import java.util.UUID;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a task id, saying where ids come from when the text is none. */
final class TaskIdConverter implements ITypeConverter<UUID> {

    @Override
    public UUID convert(String value) {
        try {
            // UUID.fromString accepts shortened groups ("1-2-3-4-5"); a task id has all 36 characters.
            if (value.strip().length() == 36) {
                return UUID.fromString(value.strip());
            }
        } catch (IllegalArgumentException e) {
            // Said below.
        }
        throw new TypeConversionException("'" + value + "' is not a task id: ids look like"
                + " 3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b, as `task submit` and `task list` print them");
    }
}
