package io.predictionbatch.app.cli.task;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --wait} values as people write them: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h} (or ISO {@code PT10S}). */
final class WaitDurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        Matcher simple = SIMPLE.matcher(value.strip().toLowerCase());
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            Duration iso = Duration.parse(value.strip());
            if (!iso.isNegative()) {
                return iso;
            }
        } catch (DateTimeParseException e) {
            // Neither form: said below.
        }
        throw new TypeConversionException("'" + value + "' is not a duration: give a number and a unit,"
                + " such as 500ms, 10s or 2m");
    }

    /** The duration as a user would write it: {@code 10s}, {@code 2m}, {@code 500ms}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
