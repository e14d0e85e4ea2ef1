package io.predictionbatch.app.input;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;

/**
 * How the records of an input file are written: their format, and for CSV the delimiter; the
 * text encoding; the longest record the job reads (a longer one is rejected, so one huge record
 * cannot exhaust the heap).
 *
 * @param format CSV or JSON Lines
 * @param delimiter the CSV field delimiter, an ASCII character other than a quote or a line end
 * @param encoding the text encoding: UTF-8 or a single-byte one that writes ASCII as ASCII
 *     (ISO-8859-1, windows-1252, ...), since records are framed on bytes
 * @param maxRecordBytes the longest record read, in bytes
 */
public record InputDialect(InputFormat format, char delimiter, Charset encoding, int maxRecordBytes) {

    public static final int DEFAULT_MAX_RECORD_BYTES = 4 << 20;
    /** A record is held in memory twice (as written, and its values): at most this, each. */
    public static final int LARGEST_MAX_RECORD_BYTES = 256 << 20;

    public InputDialect {
        if (delimiter >= 0x7f || delimiter < 0x20 && delimiter != '\t' || delimiter == '"') {
            throw new IllegalArgumentException("--delimiter must be one printable ASCII character other than a quote,"
                    + " or tab, e.g. ';'");
        }
        if (format == InputFormat.JSONL && delimiter != ',') {
            throw new IllegalArgumentException("--delimiter is for CSV input; JSON Lines has none");
        }
        if (!asciiCompatible(encoding)) {
            throw new IllegalArgumentException("--encoding " + encoding.name() + " is not read: records are framed"
                    + " on ASCII bytes, and only UTF-8 and single-byte encodings keep them apart from other"
                    + " characters; convert the file to UTF-8 first (iconv -f " + encoding.name() + " -t UTF-8)");
        }
        if (maxRecordBytes < 1 || maxRecordBytes > LARGEST_MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("--max-record-bytes must be between 1 and " + LARGEST_MAX_RECORD_BYTES
                    + ", not " + maxRecordBytes);
        }
    }

    /** A format's dialect with the defaults: comma, UTF-8, {@value #DEFAULT_MAX_RECORD_BYTES} bytes. */
    public static InputDialect of(InputFormat format) {
        return new InputDialect(format, ',', StandardCharsets.UTF_8, DEFAULT_MAX_RECORD_BYTES);
    }

    /** Parses {@code --delimiter}: one character, or the names {@code tab}, {@code \t}. */
    public static char parseDelimiter(String text) {
        if (text.equals("\\t") || text.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (text.length() != 1) {
            throw new IllegalArgumentException("--delimiter must be one character (or tab), not '" + text + "'");
        }
        return text.charAt(0);
    }

    /** Parses {@code --encoding}: a charset name Java knows, such as UTF-8 or ISO-8859-1. */
    public static Charset parseEncoding(String name) {
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("Unknown --encoding '" + name + "'; use e.g. UTF-8, ISO-8859-1 or"
                    + " windows-1252");
        }
    }

    byte delimiterByte() {
        return (byte) delimiter;
    }

    /**
     * Whether the encoding writes every ASCII character as that one byte and uses ASCII bytes for
     * nothing else, as framing needs: UTF-8 and the single-byte encodings. (Shift_JIS or GBK may
     * use a byte such as '|' inside a character.)
     */
    private static boolean asciiCompatible(Charset encoding) {
        if (!encoding.canEncode()
                || !encoding.equals(StandardCharsets.UTF_8) && encoding.newEncoder().maxBytesPerChar() > 1) {
            return false;
        }
        byte[] ascii = new byte[0x80];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) i;
        }
        return Arrays.equals(new String(ascii, StandardCharsets.US_ASCII).getBytes(encoding), ascii);
    }
}
