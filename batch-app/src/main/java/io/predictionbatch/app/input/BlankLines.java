package io.predictionbatch.app.input;

/**
 * What a blank JSON Lines line is, one definition for the planner that counts records and the
 * reader that reads them (were they to differ, a partition would read a different number of
 * records than it was planned to hold): a line of spaces and tabs only, JSON's own whitespace
 * besides the line ends. Any other character (a form feed, U+3000) makes the line a record,
 * which is then rejected as not JSON, with its line. CSV has no blank lines: Commons CSV and the
 * planner both skip empty lines only, and read a line of spaces as a record.
 */
final class BlankLines {

    private BlankLines() {
    }

    static boolean isBlank(int character) {
        return character == ' ' || character == '\t';
    }

    static boolean isBlank(String line) {
        return line.chars().allMatch(BlankLines::isBlank);
    }
}
