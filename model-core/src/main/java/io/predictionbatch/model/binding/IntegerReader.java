package io.predictionbatch.model.binding;

import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads integer fields. A number with a zero fraction ({@code 5.0}, {@code 1e3}) is an integer; one
 * with a fraction ({@code 5.5}) is refused rather than truncated, since truncation would silently
 * change the model's input. Values outside the Java type's range are refused.
 */
final class IntegerReader extends ValueReader {

    /** BigInteger fields accept any integer, but not one so long that building it is an attack. */
    private static final int MAX_BIG_INTEGER_DIGITS = 1000;

    enum Kind {
        BYTE(Byte.MIN_VALUE, Byte.MAX_VALUE),
        SHORT(Short.MIN_VALUE, Short.MAX_VALUE),
        INT(Integer.MIN_VALUE, Integer.MAX_VALUE),
        LONG(Long.MIN_VALUE, Long.MAX_VALUE),
        BIG_INTEGER(Long.MIN_VALUE, Long.MAX_VALUE);

        private final long min;
        private final long max;

        Kind(long min, long max) {
            this.min = min;
            this.max = max;
        }
    }

    private final Kind kind;
    private final BigDecimal min;
    private final BigDecimal max;

    IntegerReader(Kind kind) {
        this.kind = kind;
        this.min = BigDecimal.valueOf(kind.min);
        this.max = BigDecimal.valueOf(kind.max);
    }

    @Override
    String expected() {
        return "an integer";
    }

    @Override
    Object fromText(String text) {
        if (NumberText.isSmallInteger(text)) {
            return fromLong(Long.parseLong(text), text);
        }
        if (!NumberText.isDecimalSyntax(text)) {
            return NumberText.notANumber(text);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return new Rejection(text, "is not a number");
        }
        return fromDecimal(value, text);
    }

    @Override
    Object fromJsonNumber(JsonParser parser) {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = parser.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                return fromLong(parser.getLongValue(), null);
            }
        }
        return fromText(parser.getString());
    }

    @Override
    Object fromNumberNode(JsonNode node) {
        if (node.isInt() || node.isLong() || node.isShort()) {
            return fromLong(node.longValue(), null);
        }
        return fromText(node.asString());
    }

    private Object fromLong(long value, String text) {
        if (value < kind.min || value > kind.max) {
            return outOfRange(text == null ? Long.toString(value) : text);
        }
        return switch (kind) {
            case BYTE -> (byte) value;
            case SHORT -> (short) value;
            case INT -> (int) value;
            case LONG -> value;
            case BIG_INTEGER -> BigInteger.valueOf(value);
        };
    }

    private Object fromDecimal(BigDecimal value, String text) {
        if (value.scale() > 0 && value.stripTrailingZeros().scale() > 0) {
            return new Rejection(text, "is not an integer");
        }
        if (kind == Kind.BIG_INTEGER) {
            if (value.precision() - value.scale() > MAX_BIG_INTEGER_DIGITS) {
                return new Rejection(text, "is out of range: more than " + MAX_BIG_INTEGER_DIGITS + " digits");
            }
            return value.toBigIntegerExact();
        }
        // compareTo looks at exponents first, so 1e999999999 is refused without being expanded
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return outOfRange(text);
        }
        return fromLong(value.longValueExact(), text);
    }

    private Rejection outOfRange(String text) {
        return new Rejection(text, "is out of range: must be between " + kind.min + " and " + kind.max);
    }
}
