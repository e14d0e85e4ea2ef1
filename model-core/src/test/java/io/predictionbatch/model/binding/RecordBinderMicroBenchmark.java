package io.predictionbatch.model.binding;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures binding cost per record for a 4-double-field input, single-threaded. Not a test: run it
 * by hand with the commands below and read the ns/record figures. A crude harness, not JMH:
 * warm-up rounds first, then the best of several timed rounds, with a checksum so that the JIT
 * cannot drop the work.
 *
 * <pre>
 * mvn -q -B -pl model-core test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp model-core/target/classes:model-core/target/test-classes:$(cat /tmp/cp.txt) \
 *     io.predictionbatch.model.binding.RecordBinderMicroBenchmark
 * </pre>
 */
public final class RecordBinderMicroBenchmark {

    record Iris(@JsonProperty("sepal_length") double sepalLength,
                @JsonProperty("sepal_width") double sepalWidth,
                @JsonProperty("petal_length") double petalLength,
                @JsonProperty("petal_width") double petalWidth) {
    }

    private static final int RECORDS = 4096;
    private static final int ROUNDS = 10;
    private static final int PASSES_PER_ROUND = 250;

    private RecordBinderMicroBenchmark() {
    }

    public static void main(String[] args) {
        RecordBinder<Iris> binder = RecordBinder.forType(Iris.class);
        Random random = new Random(42);
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String[] v = new String[4];
            for (int f = 0; f < 4; f++) {
                v[f] = String.format(Locale.ROOT, "%.1f", 0.1 + random.nextDouble() * 7.5);
            }
            Map<String, String> row = new LinkedHashMap<>();
            row.put("sepal_length", v[0]);
            row.put("sepal_width", v[1]);
            row.put("petal_length", v[2]);
            row.put("petal_width", v[3]);
            rows.add(row);
            lines.add("{\"sepal_length\":" + v[0] + ",\"sepal_width\":" + v[1] + ",\"petal_length\":" + v[2]
                    + ",\"petal_width\":" + v[3] + "}");
        }
        List<JsonNode> nodes = lines.stream().map(line -> (JsonNode) JsonMapper.shared().readTree(line)).toList();

        report("bindText(Map)", measure(() -> {
            double sum = 0;
            for (Map<String, String> row : rows) {
                sum += binder.bindText(row).petalWidth();
            }
            return sum;
        }));
        report("bindJson(String)", measure(() -> {
            double sum = 0;
            for (String line : lines) {
                sum += binder.bindJson(line).petalWidth();
            }
            return sum;
        }));
        report("bindJson(JsonNode)", measure(() -> {
            double sum = 0;
            for (JsonNode node : nodes) {
                sum += binder.bindJson(node).petalWidth();
            }
            return sum;
        }));
        report("Jackson readValue(String, Iris) for comparison", measure(() -> {
            double sum = 0;
            for (String line : lines) {
                sum += BindingJson.MAPPER.readValue(line, Iris.class).petalWidth();
            }
            return sum;
        }));
    }

    private interface Pass {
        double run();
    }

    private static double measure(Pass pass) {
        double checksum = 0;
        for (int i = 0; i < PASSES_PER_ROUND * 2; i++) {
            checksum += pass.run(); // warm-up
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < PASSES_PER_ROUND; i++) {
                checksum += pass.run();
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        if (checksum == 42) {
            System.out.println("(unlikely checksum)");
        }
        return (double) best / ((long) PASSES_PER_ROUND * RECORDS);
    }

    private static void report(String what, double nanosPerRecord) {
        System.out.printf(Locale.ROOT, "%-50s %8.1f ns/record (%,.0f records/s)%n", what, nanosPerRecord,
                1e9 / nanosPerRecord);
    }
}
