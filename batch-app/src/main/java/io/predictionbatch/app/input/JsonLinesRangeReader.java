package io.predictionbatch.app.input;

import java.io.BufferedReader;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the lines of one slice of a JSON Lines file. {@linkplain BlankLines Blank lines} are not
 * records. Parsing the JSON is left to binding, so a broken line is rejected with the record's
 * other errors.
 */
public class JsonLinesRangeReader extends AbstractItemCountingItemStreamItemReader<InputRecord> {

    private final Path file;
    private final Slice slice;
    private BufferedReader reader;
    private long nextLine;

    public JsonLinesRangeReader(String name, Path file, Slice slice) {
        this.file = file;
        this.slice = slice;
        setName(name);
    }

    @Override
    protected void doOpen() throws Exception {
        reader = ByteRangeInput.reader(file, slice);
        nextLine = slice.range().firstLine();
    }

    @Override
    protected InputRecord doRead() throws Exception {
        String text;
        while ((text = reader.readLine()) != null) {
            long line = nextLine++;
            if (!BlankLines.isBlank(text)) {
                return InputRecord.json(line, text);
            }
        }
        return null;
    }

    @Override
    protected void doClose() throws Exception {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
