package io.predictionbatch.model.binding;

import tools.jackson.core.JsonParser;
import tools.jackson.core.io.NumberInput;
import tools.jackson.databind.JsonNode;

/** Reads {@code double} and {@code float} fields; NaN and infinities are refused. */
final class FloatingPointReader extends ValueReader {

    private final boolean singlePrecision;

    FloatingPointReader(boolean singlePrecision) {
        this.singlePrecision = singlePrecision;
    }

    @Override
    String expected() {
        return "a number";
    }

    @Override
    Object fromText(String text) {
        if (!NumberText.isDecimalSyntax(text)) {
            return NumberText.notANumber(text);
        }
        double value;
        try {
            // Jackson's bundled FastDoubleParser: several times faster than Double.parseDouble
            value = NumberInput.parseDouble(text, true);
        } catch (NumberFormatException e) {
            return new Rejection(text, "is not a number");
        }
        return checked(value, text);
    }

    @Override
    Object fromJsonNumber(JsonParser parser) {
        double value = parser.getDoubleValue();
        return Double.isFinite(value) ? box(value, null) : checked(value, parser.getString());
    }

    @Override
    Object fromNumberNode(JsonNode node) {
        // Through Number: a BigInteger node past double's range gives an infinity, not an exception.
        double value = node.numberValue().doubleValue();
        return Double.isFinite(value) ? box(value, node.asString()) : checked(value, node.asString());
    }

    /**
     * NaN and infinities are refused: written out ({@code NaN}, {@code Infinity}) they are "not a
     * finite number"; a number in plain digits too large for a double ({@code 1e309}, 400 digits)
     * is out of range, and is named by its text, not by the infinity it overflows to.
     */
    private Object checked(double value, String text) {
        if (Double.isFinite(value)) {
            return box(value, text);
        }
        return NumberText.isDecimalSyntax(text)
                ? new Rejection(text, "is out of range: must be between " + -Double.MAX_VALUE + " and " + Double.MAX_VALUE)
                : new Rejection(text, "is not a finite number");
    }

    private Object box(double value, String text) {
        if (!singlePrecision) {
            return value;
        }
        float narrowed = (float) value;
        if (Float.isInfinite(narrowed)) {
            return new Rejection(text == null ? Double.toString(value) : text,
                    "is out of range: must be between " + -Float.MAX_VALUE + " and " + Float.MAX_VALUE);
        }
        return narrowed;
    }
}
