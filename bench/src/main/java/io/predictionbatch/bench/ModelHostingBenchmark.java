package io.predictionbatch.bench;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelPackage;
import io.predictionbatch.model.registry.ModelRegistry;

/**
 * What hosting a model from the models directory costs per record, against the same model on the
 * class path, on one thread: the per-record work of a job (bind a CSV row, predict, flatten the
 * prediction), over the rows of a file held in memory, so that reading and writing do not blur it.
 * <ul>
 *   <li>{@code iris_model} on the class path, and the same jars (iris-model and LIBSVM) as a model
 *       package, under its own class loader;</li>
 *   <li>{@code iris_onnx} (the same SVC on ONNX Runtime) record by record, and in blocks, as the job
 *       predicts a chunk's records together;</li>
 *   <li>the models' own list {@code predict} on bound blocks, LIBSVM against ONNX Runtime.</li>
 * </ul>
 * Every contender runs once per round, in turn, so that a drift of the shared machine hits them
 * alike; each ratio is taken within its round, and the median of the rounds is printed. A first
 * round, not counted, warms the JIT up.
 *
 * <p>Usage: {@code ModelHostingBenchmark INPUT.csv ONNX_PACKAGE_DIR ROUNDS BLOCK JAR...}, the jars
 * being the Iris model package's (iris-model and LIBSVM).
 */
public final class ModelHostingBenchmark {

    private ModelHostingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: ModelHostingBenchmark INPUT.csv ONNX_PACKAGE_DIR ROUNDS BLOCK JAR...");
            System.exit(2);
        }
        List<Map<String, String>> rows = rows(Path.of(args[0]));
        int rounds = Integer.parseInt(args[2]);
        int block = Integer.parseInt(args[3]);
        ClassLoader application = ModelHostingBenchmark.class.getClassLoader();
        HostedModel<?, ?> classPath = ModelRegistry.create(List.of(), application).get("iris_model");
        HostedModel<?, ?> packaged = packagedModels(Path.of(args[1]), Arrays.copyOfRange(args, 4, args.length))
                .get("iris_model");
        HostedModel<?, ?> onnx = packagedModels(Path.of(args[1]), new String[0]).get("iris_onnx");
        if (packaged.model().getClass() == classPath.model().getClass()) {
            throw new IllegalStateException("the packaged model was loaded by the application's class loader");
        }
        System.out.printf(Locale.ROOT, "%,d rows of %s, %d rounds, one thread, blocks of %d%n", rows.size(), args[0],
                rounds, block);
        // bound once, untimed: the list predict contenders time the models' own predict alone
        List<?> libsvmInputs = bound(classPath, rows);
        List<?> onnxInputs = bound(onnx, rows);
        Map<String, List<Double>> nanos = new HashMap<>();
        for (int round = 0; round <= rounds; round++) {
            if (round == 1) {
                nanos.clear(); // the warm-up round
            }
            time(nanos, "class path, per record", () -> perRecord(classPath, rows));
            time(nanos, "package, per record", () -> perRecord(packaged, rows));
            time(nanos, "onnx, per record", () -> perRecord(onnx, rows));
            time(nanos, "class path, blocks", () -> blocks(classPath, rows, block));
            time(nanos, "package, blocks", () -> blocks(packaged, rows, block));
            time(nanos, "onnx, blocks", () -> blocks(onnx, rows, block));
            time(nanos, "libsvm list predict", () -> listPredict(classPath, libsvmInputs, block));
            time(nanos, "onnx list predict", () -> listPredict(onnx, onnxInputs, block));
        }
        nanos.keySet().stream().sorted().forEach(name -> System.out.printf(Locale.ROOT,
                "%-26s %7.0f ns/record (median of %d)%n", name, median(nanos.get(name)) / rows.size(), rounds));
        System.out.println("cost against the class path, per record (median of the rounds' ratios; <= 1.10 is the aim):");
        ratio(nanos, "package, per record", "class path, per record");
        ratio(nanos, "package, blocks", "class path, blocks");
        ratio(nanos, "onnx, blocks", "class path, blocks");
        ratio(nanos, "onnx, per record", "class path, per record");
        System.out.println("list predict, ONNX Runtime against LIBSVM (<= 1.00: ONNX is at least as fast):");
        ratio(nanos, "onnx list predict", "libsvm list predict");
    }

    /** A registry of the models directory's packages only: the class path's registrations are hidden. */
    private static ModelRegistry packagedModels(Path onnxPackage, String[] irisJars) throws IOException {
        Path models = Files.createTempDirectory("hosting-benchmark");
        models.toFile().deleteOnExit();
        Path onnx = Files.createDirectories(models.resolve("iris-onnx"));
        try (var files = Files.list(onnxPackage)) {
            for (Path file : files.toList()) {
                Files.copy(file, onnx.resolve(file.getFileName()));
            }
        }
        if (irisJars.length > 0) {
            Path lib = Files.createDirectories(models.resolve("iris-package").resolve("lib"));
            for (String jar : irisJars) {
                Files.copy(Path.of(jar), lib.resolve(Path.of(jar).getFileName()));
            }
        }
        ClassLoader hiding = new ClassLoader(ModelHostingBenchmark.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("META-INF/services/io.predictionbatch.model.MLModel")
                        ? Collections.emptyEnumeration() : super.getResources(name);
            }
        };
        return ModelRegistry.create(List.of(), hiding, ModelPackage.scan(models, hiding));
    }

    private static long perRecord(HostedModel<?, ?> model, List<Map<String, String>> rows) {
        return perRecordTyped(model, rows);
    }

    private static <I, O> long perRecordTyped(HostedModel<I, O> model, List<Map<String, String>> rows) {
        long sink = 0;
        for (Map<String, String> row : rows) {
            sink += model.outputFields().values(model.model().predict(model.binder().bindText(row))).length;
        }
        return sink;
    }

    private static long blocks(HostedModel<?, ?> model, List<Map<String, String>> rows, int block) {
        return blocksTyped(model, rows, block);
    }

    private static <I, O> long blocksTyped(HostedModel<I, O> model, List<Map<String, String>> rows, int block) {
        long sink = 0;
        for (int from = 0; from < rows.size(); from += block) {
            List<I> inputs = new ArrayList<>(block);
            for (Map<String, String> row : rows.subList(from, Math.min(rows.size(), from + block))) {
                inputs.add(model.binder().bindText(row));
            }
            for (O output : model.model().predict(inputs)) {
                sink += model.outputFields().values(output).length;
            }
        }
        return sink;
    }

    private static List<?> bound(HostedModel<?, ?> model, List<Map<String, String>> rows) {
        return rows.stream().map(model.binder()::bindText).toList();
    }

    /** The model's list predict alone, on inputs bound beforehand by {@link #bound}. */
    private static long listPredict(HostedModel<?, ?> model, List<?> inputs, int block) {
        return listPredictTyped(model, inputs, block);
    }

    @SuppressWarnings("unchecked") // the inputs were bound by this model's binder
    private static <I, O> long listPredictTyped(HostedModel<I, O> model, List<?> inputs, int block) {
        List<I> typed = (List<I>) inputs;
        long sink = 0;
        for (int from = 0; from < typed.size(); from += block) {
            sink += model.model().predict(typed.subList(from, Math.min(typed.size(), from + block))).size();
        }
        return sink;
    }

    private interface Run {
        long run();
    }

    private static void time(Map<String, List<Double>> nanos, String name, Run run) {
        long started = System.nanoTime();
        long sink = run.run();
        long elapsed = System.nanoTime() - started;
        if (sink == 0) {
            throw new IllegalStateException(name + " predicted nothing");
        }
        nanos.computeIfAbsent(name, key -> new ArrayList<>()).add((double) elapsed);
    }

    private static void ratio(Map<String, List<Double>> nanos, String contender, String base) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < nanos.get(base).size(); round++) {
            ratios.add(nanos.get(contender).get(round) / nanos.get(base).get(round));
        }
        System.out.printf(Locale.ROOT, "  %-22s / %-24s %.2f%n", contender, base, median(ratios));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static List<Map<String, String>> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
