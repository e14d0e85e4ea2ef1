package io.predictionbatch.app.cli.task;

import io.predictionbatch.app.cli.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record argument of {@code task submit}: JSON text, {@code @FILE} for a file holding it, or
 * {@code -} for standard input. It is parsed here, so that a typo is the user's error with its
 * line and column, not a server's 400.
 */
final class RecordArgument {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RecordArgument() {
    }

    static JsonNode read(String argument, InputStream stdin) {
        String source;
        String text;
        if (argument.equals("-")) {
            source = "standard input";
            text = readStdin(stdin);
        } else if (argument.startsWith("@")) {
            source = "file " + argument.substring(1);
            text = readFile(Path.of(argument.substring(1)));
        } else {
            source = "argument";
            text = argument;
        }
        if (text.isBlank()) {
            throw new UserException("The record (" + source + ") is empty; give one JSON object, e.g. '{\"field\": 1.0}'");
        }
        JsonNode record;
        try {
            record = JSON.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new UserException("The record (" + source + ") is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + "; give one JSON object, e.g. '{\"field\": 1.0}'");
        }
        if (!record.isObject()) {
            throw new UserException("The record (" + source + ") must be one JSON object ({...}), not "
                    + record.getNodeType().name().toLowerCase() + " " + abbreviate(text.strip()));
        }
        return record;
    }

    private static String readStdin(InputStream stdin) {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("Cannot read the record from standard input: " + e.getMessage());
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException("Cannot read the record: there is no file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UserException("Cannot read the record from " + file.toAbsolutePath() + ": " + e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
