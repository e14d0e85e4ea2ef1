package io.predictionbatch.app.job;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A CSV record seen as header name → text without copying it into a map: binding looks up a few
 * fields of every record, and a view over the values array costs nothing per record.
 */
final class CsvRow extends AbstractMap<String, String> {

    private final Map<String, Integer> columnIndex;
    private final String[] columns;
    private final String[] values;

    CsvRow(Map<String, Integer> columnIndex, String[] columns, String[] values) {
        this.columnIndex = columnIndex;
        this.columns = columns;
        this.values = values;
    }

    @Override
    public String get(Object column) {
        Integer index = columnIndex.get(column);
        return index == null || index >= values.length ? null : values[index];
    }

    @Override
    public boolean containsKey(Object column) {
        Integer index = columnIndex.get(column);
        return index != null && index < values.length;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return Math.min(columns.length, values.length);
            }

            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size();
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(columns[index], values[index]);
                    }
                };
            }
        };
    }
}
