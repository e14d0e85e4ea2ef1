package io.predictionbatch.app.input;

import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the CSV records of one slice of a file with one streaming Commons CSV parser.
 *
 * <p>Restart state is the number of records read (kept by the base class): on restart the reader
 * parses past them again, which costs a fraction of a second per million records and needs no
 * byte positions from a parser that reads ahead.
 */
public class CsvRangeReader extends AbstractItemCountingItemStreamItemReader<InputRecord> {

    /** The RFC 4180 dialect the scanner follows too; no header: the slices hold data only. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final Path file;
    private final Slice slice;
    private CSVParser parser;
    private Iterator<CSVRecord> records;

    public CsvRangeReader(String name, Path file, Slice slice) {
        this.file = file;
        this.slice = slice;
        setName(name);
    }

    @Override
    protected void doOpen() throws Exception {
        var reader = ByteRangeInput.reader(file, slice);
        parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        records = parser.iterator();
    }

    @Override
    protected InputRecord doRead() {
        if (!records.hasNext()) {
            return null;
        }
        String[] values = records.next().values();
        // Every record of the slice ends with a line end, so the parser's line count now stands
        // on the record's last line; a quoted value may have carried it over several lines.
        long lastLine = slice.range().firstLine() - 1 + parser.getCurrentLineNumber();
        return InputRecord.csv(lastLine - embeddedLineBreaks(values), values);
    }

    private static int embeddedLineBreaks(String[] values) {
        int breaks = 0;
        for (String value : values) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r') || c == '\r') {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    @Override
    protected void doClose() throws Exception {
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }
}
