package io.predictionbatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Load on the REST API of a running {@code serve}: N client threads, each with its own HTTP/1.1
 * keep-alive connection and its own sequential loop, a warm-up, then a measured window. Modes:
 * <ul>
 * <li>{@code sync}: {@code POST /api/models/M/predict}, one request per record;</li>
 * <li>{@code task}: submit one task, then long-poll it ({@code GET /api/tasks/ID?wait=}) until it ends;</li>
 * <li>{@code task-batch}: submit {@code --batch} tasks, then long-poll each until it ends (what a
 * Celery client does with {@code .delay()} for every record, then {@code .get()}).</li>
 * </ul>
 * An operation counts when it completes inside the window, so throughput is completions per
 * second of the window; latencies are of operations wholly inside it (for {@code task-batch}, each
 * task's time from its submission to the poll that saw it end). Prints one line, e.g.
 * <pre>[embedded] sync, 16 clients: 123456 ops in 10.00 s = 12345.6 ops/s; p50 0.912 ms, p90 1.840 ms, p99 4.100 ms, max 21.000 ms; errors 0</pre>
 *
 * <p>Usage: {@code TaskApiBenchmark --url http://127.0.0.1:8080 --mode sync|task|task-batch
 * [--clients 1] [--batch 100] [--warmup 5] [--seconds 10] [--model iris_model]
 * [--input sample-data/iris.csv] [--wait 5s] [--label TEXT] [--pooled-executor] [--timeline] [--cpu-pids PID,...]}
 *
 * <p>{@code --timeline} adds, for task modes, a line on where the server's latest 1,000 tasks spent
 * their time (see {@link TaskTimeline}). {@code --cpu-pids} adds a line on the CPU time the server
 * processes, the load generator and the whole machine spent in the window (see {@link CpuMeter}).
 */
public final class TaskApiBenchmark {

    private static final int MAX_POLLS = 12;
    private static final int MAX_ERRORS_SHOWN = 3;

    private enum Mode { SYNC, TASK, TASK_BATCH }

    private final TaskApiClient[] clients;
    private final Mode mode;
    private final int batch;
    private final List<String> records;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private volatile long measureFrom;
    private volatile long measureUntil;

    private final CpuMeter cpu;

    private TaskApiBenchmark(TaskApiClient[] clients, Mode mode, int batch, List<String> records, CpuMeter cpu) {
        this.cpu = cpu;
        this.clients = clients;
        this.mode = mode;
        this.batch = batch;
        this.records = records;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.get("url");
        if (url == null) {
            usage("--url is required");
        }
        Mode mode = switch (options.getOrDefault("mode", "sync")) {
            case "sync" -> Mode.SYNC;
            case "task" -> Mode.TASK;
            case "task-batch" -> Mode.TASK_BATCH;
            default -> throw usage("--mode must be sync, task or task-batch");
        };
        int threads = Integer.parseInt(options.getOrDefault("clients", "1"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "100"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "5"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "10"));
        String model = options.getOrDefault("model", "iris_model");
        String wait = options.getOrDefault("wait", "5s");
        boolean direct = !options.containsKey("pooled-executor");
        List<String> records = records(Path.of(options.getOrDefault("input", "sample-data/iris.csv")));

        TaskApiClient[] clients = new TaskApiClient[threads];
        for (int i = 0; i < threads; i++) {
            clients[i] = new TaskApiClient(url, model, wait, direct);
        }
        List<Long> pids = options.containsKey("cpu-pids") ? Arrays.stream(options.get("cpu-pids").split(","))
                .filter(pid -> !pid.isBlank()).map(String::strip).map(Long::valueOf).toList() : List.of();
        TaskApiBenchmark benchmark = new TaskApiBenchmark(clients, mode, batch, records, new CpuMeter(pids));
        String label = options.containsKey("label") ? "[" + options.get("label") + "] " : "";
        String what = switch (mode) {
            case SYNC -> "sync predict";
            case TASK -> "task submit+wait";
            case TASK_BATCH -> "task batches of " + batch;
        };
        System.out.println(benchmark.run(warmup, seconds, label + what + ", " + threads
                + (threads == 1 ? " client" : " clients")));
        if (mode != Mode.SYNC && options.containsKey("timeline")) {
            System.out.println(label + TaskTimeline.summary(clients[0].latestSucceeded(1000)));
        }
        System.exit(benchmark.errors.get() == 0 ? 0 : 1);
    }

    private String run(double warmupSeconds, double seconds, String title) throws InterruptedException {
        long start = System.nanoTime();
        measureFrom = start + (long) (warmupSeconds * 1e9);
        measureUntil = measureFrom + (long) (seconds * 1e9);
        List<Latencies> latencies = new ArrayList<>();
        long[] completed = new long[clients.length];
        Thread[] threads = new Thread[clients.length];
        for (int i = 0; i < clients.length; i++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            int index = i;
            threads[i] = new Thread(() -> completed[index] = loop(clients[index], index, mine), "client-" + i);
            threads[i].start();
        }
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        cpu.start();
        Thread.sleep(Math.max(0, (measureUntil - System.nanoTime()) / 1_000_000));
        cpu.stop();
        for (Thread thread : threads) {
            thread.join();
        }
        long total = Arrays.stream(completed).sum();
        long[] sorted = Latencies.sorted(latencies);
        String line = String.format(Locale.ROOT,
                "%s: %d ops in %.2f s = %.1f ops/s; p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms; errors %d",
                title, total, seconds, total / seconds, Latencies.percentileMillis(sorted, 50),
                Latencies.percentileMillis(sorted, 90), Latencies.percentileMillis(sorted, 99),
                Latencies.percentileMillis(sorted, 100), errors.get());
        if (firstError.get() != null) {
            line += " (first: " + firstError.get() + ")";
        }
        return line + System.lineSeparator() + title + ", " + cpu.summary(total, seconds);
    }

    /** One client's loop until the window closes; returns its completions inside the window. */
    private long loop(TaskApiClient client, int index, Latencies latencies) {
        long completed = 0;
        int next = index * 7;  // clients start at different records
        String[] ids = new String[batch];
        long[] submitted = new long[batch];
        while (System.nanoTime() < measureUntil) {
            try {
                if (mode == Mode.TASK_BATCH) {
                    for (int i = 0; i < batch; i++) {
                        submitted[i] = System.nanoTime();
                        ids[i] = client.submit(records.get(next++ % records.size()));
                    }
                    for (int i = 0; i < batch; i++) {
                        client.awaitSuccess(ids[i], MAX_POLLS);
                        completed += count(submitted[i], System.nanoTime(), latencies);
                    }
                } else {
                    String record = records.get(next++ % records.size());
                    long began = System.nanoTime();
                    if (mode == Mode.SYNC) {
                        client.predict(record);
                    } else {
                        client.awaitSuccess(client.submit(record), MAX_POLLS);
                    }
                    completed += count(began, System.nanoTime(), latencies);
                }
            } catch (IOException | RuntimeException e) {
                if (errors.incrementAndGet() <= MAX_ERRORS_SHOWN) {
                    firstError.compareAndSet(null, e.toString());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return completed;
    }

    /** Counts an operation that ended in the window; records its latency when it also began there. */
    private int count(long began, long ended, Latencies latencies) {
        if (ended < measureFrom || ended > measureUntil) {
            return 0;
        }
        if (began >= measureFrom) {
            latencies.add(ended - began);
        }
        return 1;
    }

    /** The CSV's rows as JSON objects of their numeric columns (the model ignores the rest). */
    static List<String> records(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        List<String> records = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",");
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < header.length && i < values.length; i++) {
                if (header[i].equals("id") || header[i].equals("species")) {
                    continue;
                }
                json.append(json.length() > 1 ? "," : "").append('"').append(header[i]).append("\":")
                        .append(values[i]);
            }
            records.add(json.append('}').toString());
        }
        if (records.isEmpty()) {
            throw new IOException(csv + " holds no records");
        }
        return records;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw usage("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("pooled-executor") || name.equals("timeline")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw usage("--" + name + " needs a value");
            }
        }
        return options;
    }

    private static IllegalArgumentException usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: TaskApiBenchmark --url URL --mode sync|task|task-batch [--clients N] [--batch N]"
                + " [--warmup S] [--seconds S] [--model NAME] [--input CSV] [--wait 5s] [--label TEXT] [--pooled-executor] [--timeline] [--cpu-pids PID,...]");
        System.exit(2);
        return new IllegalArgumentException(problem);
    }
}
