package io.predictionbatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * CPU time spent in a window by given processes (the server and workers, from
 * {@code /proc/PID/stat}), by this JVM (the load generator), and by the whole machine (from
 * {@code /proc/stat}). CPU per operation stays meaningful on a shared, busy machine where
 * latencies do not: it says what a request costs, not how long it waited for a core. Linux only.
 */
final class CpuMeter {

    /** Clock ticks per second of {@code /proc} times; 100 on Linux. */
    private static final double TICKS = 100.0;

    private final List<Long> pids;
    private long[] processTicks;
    private long selfNanos;
    private long[] machine;
    private long[] endTicks;
    private long endSelf;
    private long[] endMachine;

    CpuMeter(List<Long> pids) {
        this.pids = pids;
    }

    void start() {
        processTicks = processTicks();
        selfNanos = selfNanos();
        machine = machine();
    }

    void stop() {
        endTicks = processTicks();
        endSelf = selfNanos();
        endMachine = machine();
    }

    /** e.g. "cpu in window: server processes 4210 ms = 341 us/op (pid 2100 4210); load generator ...; machine 98% busy". */
    String summary(long ops, double seconds) {
        long[] ticks = endTicks;
        long self = endSelf - selfNanos;
        long[] now = endMachine;
        StringBuilder line = new StringBuilder("cpu in window:");
        long total = 0;
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < pids.size(); i++) {
            long ms = (long) ((ticks[i] - processTicks[i]) * 1000 / TICKS);
            total += ms;
            each.append(each.length() == 0 ? "" : ", ").append("pid ").append(pids.get(i)).append(' ').append(ms);
        }
        if (!pids.isEmpty()) {
            line.append(String.format(Locale.ROOT, " server processes %d ms = %.0f us/op (%s);", total,
                    ops == 0 ? Double.NaN : total * 1000.0 / ops, each));
        }
        line.append(String.format(Locale.ROOT, " load generator %d ms = %.0f us/op;", self / 1_000_000,
                ops == 0 ? Double.NaN : self / 1000.0 / ops));
        long busy = now[0] - machine[0];
        long all = now[1] - machine[1];
        line.append(String.format(Locale.ROOT, " machine %.0f%% busy over %d cores (%.1f cores' worth of others)",
                all == 0 ? Double.NaN : 100.0 * busy / all, Runtime.getRuntime().availableProcessors(),
                (busy / TICKS - total / 1000.0 - self / 1e9) / seconds));
        return line.toString();
    }

    private long[] processTicks() {
        long[] ticks = new long[pids.size()];
        for (int i = 0; i < pids.size(); i++) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pids.get(i) + "/stat"));
                // Fields after the command (which may hold spaces) start after its closing parenthesis.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks[i] = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);  // utime, stime
            } catch (IOException | RuntimeException e) {
                ticks[i] = 0;
            }
        }
        return ticks;
    }

    private static long selfNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Busy and total ticks of all cores. */
    private static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);  // idle, iowait
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
