package io.predictionbatch.app.input;

import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the records of one {@link Slice} of a CSV or JSON Lines file, for a partition.
 *
 * <p>Restart state is the number of records read (kept by the base class): on restart the reader
 * frames past them again without making text of them, which costs a fraction of a second per
 * million records and needs no byte positions.
 */
public class SliceReader extends AbstractItemCountingItemStreamItemReader<InputRecord> {

    private final Path file;
    private final Slice slice;
    private final InputDialect dialect;
    private RecordReader records;

    public SliceReader(String name, Path file, Slice slice, InputDialect dialect) {
        this.file = file;
        this.slice = slice;
        this.dialect = dialect;
        setName(name);
    }

    @Override
    protected void doOpen() throws Exception {
        records = new RecordReader(ByteRangeInput.open(file, slice), dialect, slice.range().firstLine());
    }

    @Override
    protected InputRecord doRead() throws Exception {
        return records.next();
    }

    @Override
    protected void jumpToItem(int itemIndex) throws Exception {
        for (int i = 0; i < itemIndex && records.skip(); i++) {
            // framed and passed over
        }
    }

    @Override
    protected void doClose() throws Exception {
        if (records != null) {
            records.close();
            records = null;
        }
    }
}
