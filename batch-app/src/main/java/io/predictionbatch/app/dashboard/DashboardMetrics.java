package io.predictionbatch.app.dashboard;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures as metrics of {@code serve} ({@code /actuator/prometheus}), read from the
 * same views as the page, every 15 s rather than at each scrape: jobs and their records
 * per model and status, the speed of running jobs, tasks per model and state. They cover every
 * process of the job repository, workers included, since they are read from it.
 */
@Component
@ConditionalOnWebApplication
class DashboardMetrics implements MeterBinder, DisposableBean {

    private static final Log log = LogFactory.getLog(DashboardMetrics.class);
    /** Aggregating every job of a large repository costs the database seconds: not more often. */
    private static final long REFRESH_SECONDS = 15;

    private final JobQueries jobs;
    private final TaskQueries tasks;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-metrics");
        thread.setDaemon(true);
        return thread;
    });
    private MultiGauge jobCounts;
    private MultiGauge jobRecords;
    private MultiGauge jobSpeed;
    private MultiGauge taskCounts;

    DashboardMetrics(JobQueries jobs, TaskQueries tasks) {
        this.jobs = jobs;
        this.tasks = tasks;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        jobCounts = MultiGauge.builder("prediction.jobs").description("Prediction jobs per model and status")
                .register(registry);
        jobRecords = MultiGauge.builder("prediction.job.records")
                .description("Records of the jobs per model and status: done, written (predicted) or rejected")
                .register(registry);
        jobSpeed = MultiGauge.builder("prediction.job.throughput").baseUnit("records per second")
                .description("Records per second of the running jobs, per model").register(registry);
        taskCounts = MultiGauge.builder("prediction.tasks").description("Single-record tasks per model and state")
                .register(registry);
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    void refresh() {
        try {
            List<JobTotals> totals = jobs.totals();
            jobCounts.register(totals.stream().map(row -> MultiGauge.Row.of(Tags.of("model", model(row.model()),
                    "status", row.status()), row.jobs())).toList(), true);
            jobRecords.register(totals.stream().flatMap(row -> Map.<String, ToDoubleFunction<JobTotals>>of(
                    "done", JobTotals::doneRecords, "written", JobTotals::writtenRecords,
                    "rejected", JobTotals::rejectedRecords).entrySet().stream().map(outcome -> MultiGauge.Row.of(
                            Tags.of("model", model(row.model()), "status", row.status(), "outcome", outcome.getKey()),
                            outcome.getValue().applyAsDouble(row)))).toList(), true);
            LocalDateTime now = LocalDateTime.now();
            Map<String, Double> speeds = jobs.recentJobs("STARTED", null, 1000).stream().collect(Collectors.groupingBy(
                    job -> model(job.model()), Collectors.summingDouble(job -> job.recordsPerSecond(now))));
            jobSpeed.register(speeds.entrySet().stream().map(speed -> MultiGauge.Row.of(
                    Tags.of("model", speed.getKey()), speed.getValue())).toList(), true);
            taskCounts.register(tasks.summary().stream().map(row -> MultiGauge.Row.of(Tags.of("model", row.model(),
                    "state", row.state()), row.tasks())).toList(), true);
        } catch (DataAccessException e) {
            log.debug("Cannot refresh the dashboard metrics now: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Cannot refresh the dashboard metrics", e); // keeps the schedule going
        }
    }

    private static String model(String model) {
        return model == null ? "unknown" : model;
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
