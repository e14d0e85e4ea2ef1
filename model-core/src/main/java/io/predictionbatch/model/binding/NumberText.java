package io.predictionbatch.model.binding;

/**
 * Checks on number text made before parsing it. Java's parsers accept more than a data file should
 * contain ({@code 1d}, {@code 0x1p3}, {@code NaN}); a cheap scan rules those out and tells a
 * non-finite number apart from text that is no number at all.
 */
final class NumberText {

    /** Up to 18 digits always fit a long, so such text can skip the BigDecimal path. */
    private static final int SAFE_LONG_DIGITS = 18;

    private NumberText() {
    }

    /** Only characters of a plain decimal number: digits, sign, point, exponent. */
    static boolean isDecimalSyntax(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return true;
    }

    /** An optional sign and 1 to 18 digits. */
    static boolean isSmallInteger(String text) {
        int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > SAFE_LONG_DIGITS) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The rejection of text that did not parse as a number. */
    static Rejection notANumber(String text) {
        String word = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        boolean nonFinite = word.equalsIgnoreCase("NaN")
                || word.equalsIgnoreCase("Infinity")
                || word.equalsIgnoreCase("Inf");
        return new Rejection(text, nonFinite ? "is not a finite number" : "is not a number");
    }
}
