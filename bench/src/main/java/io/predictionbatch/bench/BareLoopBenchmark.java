package io.predictionbatch.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelRegistry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The yardstick the batch job is measured against: one thread, no framework. Commons CSV reads
 * the file, the same model (from the same registry, with the same binder) scores each record, a
 * buffered writer writes line number and prediction. Prints records per second, counting from
 * the first record read (as the job's figure counts from the job's start), not JVM start-up.
 *
 * <p>Usage: {@code BareLoopBenchmark MODEL INPUT.csv OUTPUT.csv}
 */
public final class BareLoopBenchmark {

    private BareLoopBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BareLoopBenchmark MODEL INPUT.csv OUTPUT.csv");
            System.exit(2);
        }
        HostedModel<?, ?> model = ModelRegistry.create(List.of(), BareLoopBenchmark.class.getClassLoader()).get(args[0]);
        long started = System.nanoTime();
        long[] counts = score(model, Path.of(args[1]), Path.of(args[2]));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "bare loop: %d records (%d rejected) in %.2f s: %.0f records/s%n",
                counts[0], counts[1], seconds, counts[0] / seconds);
    }

    private static <I, O> long[] score(HostedModel<I, O> model, Path input, Path output) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        long records = 0;
        long rejected = 0;
        try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
                Writer writer = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            List<String> header = parser.getHeaderNames();
            Map<String, String> fields = new HashMap<>();
            for (CSVRecord record : parser) {
                records++;
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    fields.put(header.get(i), record.get(i));
                }
                try {
                    O prediction = model.model().predict(model.binder().bindText(fields));
                    printer.print(parser.getCurrentLineNumber());
                    for (Object value : model.outputFields().values(prediction)) {
                        printer.print(value);
                    }
                    printer.println();
                } catch (ModelException e) {
                    rejected++;
                }
            }
        }
        return new long[] {records, rejected};
    }
}
