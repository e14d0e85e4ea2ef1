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
        return finite(value) ? box(value, text) : new Rejection(text, "is not a finite number");
    }

    @Override
    Object fromJsonNumber(JsonParser parser) {
        double value = parser.getDoubleValue();
        return finite(value) ? box(value, null) : new Rejection(parser.getString(), "is not a finite number");
    }

    @Override
    Object fromNumberNode(JsonNode node) {
        double value = node.doubleValue();
        return finite(value) ? box(value, node.asString()) : new Rejection(node.asString(), "is not a finite number");
    }

    private static boolean finite(double value) {
        return !Double.isNaN(value) && !Double.isInfinite(value);
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
