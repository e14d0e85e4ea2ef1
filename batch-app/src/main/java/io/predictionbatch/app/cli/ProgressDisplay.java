package io.predictionbatch.app.cli;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

import io.predictionbatch.app.dashboard.JobOverview;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a running job's progress, as read from the job repository: a live bar on a terminal, or a
 * plain line every few seconds when the output is a file or a pipe (a CI log, say).
 */
interface ProgressDisplay extends AutoCloseable {

    void update(JobOverview job);

    @Override
    void close();

    static ProgressDisplay create(PrintStream out, boolean terminal) {
        return terminal ? new Bar() : new Lines(out, Duration.ofSeconds(5));
    }

    /** A progress bar that redraws itself in place. */
    final class Bar implements ProgressDisplay {
        private ProgressBar bar;

        @Override
        public void update(JobOverview job) {
            if (bar == null) {
                if (job.totalRecords() == 0 && job.isRunning()) {
                    return;
                }
                bar = new ProgressBarBuilder().setTaskName("Job " + job.jobId()).setInitialMax(job.totalRecords())
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" rec", 1)
                        .showSpeed(new DecimalFormat("#,##0"))
                        .setUpdateIntervalMillis(250).continuousUpdate().build();
            }
            bar.maxHint(job.totalRecords());
            bar.stepTo(job.doneRecords());
            bar.setExtraMessage(" " + job.status());
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** One line per interval: records done of total, speed and time left as the dashboard shows them. */
    final class Lines implements ProgressDisplay {
        private final PrintStream out;
        private final Duration interval;
        private LocalDateTime lastPrinted;

        Lines(PrintStream out, Duration interval) {
            this.out = out;
            this.interval = interval;
        }

        @Override
        public void update(JobOverview job) {
            LocalDateTime now = LocalDateTime.now();
            if (lastPrinted != null && Duration.between(lastPrinted, now).compareTo(interval) < 0 && job.isRunning()) {
                return;
            }
            lastPrinted = now;
            String eta = job.eta(now).map(left -> String.format(Locale.ROOT, ", ETA %d s", left.toSeconds())).orElse("");
            out.printf(Locale.ROOT, "Job %d %s: %,d of %,d records (%.1f%%), %,.0f records/s%s%n", job.jobId(),
                    job.status(), job.doneRecords(), job.totalRecords(), job.percentDone(), job.recordsPerSecond(now),
                    eta);
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
