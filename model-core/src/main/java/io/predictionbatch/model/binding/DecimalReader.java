package io.predictionbatch.model.binding;

import java.math.BigDecimal;

/** Reads {@code BigDecimal} fields exactly, from the number's text rather than through a double. */
final class DecimalReader extends ValueReader {

    @Override
    String expected() {
        return "a number";
    }

    @Override
    Object fromText(String text) {
        if (!NumberText.isDecimalSyntax(text)) {
            return NumberText.notANumber(text);
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return new Rejection(text, "is not a number");
        }
    }
}
