package io.predictionbatch.app.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.predictionbatch.app.job.PredictionJobParameters;
import io.predictionbatch.app.output.OutputFormat;
import io.predictionbatch.app.output.PartFiles;
import io.predictionbatch.app.output.RejectedRecord;
import io.predictionbatch.app.output.ResultTables;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records a job set aside, a page at a time, from wherever the job put them: the rejects
 * table, the errors file once the job has passed, or, before that (running, stopped, failed),
 * the partitions' committed part files in input order.
 */
@Component
public class RejectedRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A job's parameters never change: read once per execution, not at every poll of an open page. */
    private static final int MAX_CACHED_PARAMETERS = 10_000;

    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final Map<Long, PredictionJobParameters> parameters = new ConcurrentHashMap<>();

    public RejectedRecords(JobRepository jobRepository, JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    public List<RejectedRecord> page(JobOverview job, long offset, int limit) {
        if (this.parameters.size() >= MAX_CACHED_PARAMETERS) {
            this.parameters.clear();
        }
        PredictionJobParameters parameters = this.parameters.computeIfAbsent(job.executionId(), execution ->
                PredictionJobParameters.from(jobRepository.getJobExecution(execution).getJobParameters()));
        if (parameters.toTable()) {
            return jdbc.query("SELECT line, reason, record FROM " + ResultTables.REJECTS
                    + " WHERE job_instance_id = ? ORDER BY line LIMIT ? OFFSET ?", (row, n) -> new RejectedRecord(
                            row.getLong("line"), row.getString("reason"), row.getString("record")),
                    job.jobId(), limit, offset);
        }
        // The parts are deleted once the job has passed: while they exist, they are the truth.
        PartFiles parts = PartFiles.of(parameters.output(), job.jobId());
        boolean fromParts = Files.isDirectory(parts.folder());
        List<Path> files = fromParts ? rejectParts(parts)
                : Files.isRegularFile(parameters.errors()) ? List.of(parameters.errors()) : List.of();
        boolean header = !fromParts && parameters.outputFormat() == OutputFormat.CSV;
        List<RejectedRecord> page = new ArrayList<>(limit);
        long skipped = 0;
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Iterator<RejectedRecord> records = parameters.outputFormat() == OutputFormat.CSV
                        ? csv(reader, header) : jsonLines(reader);
                while (page.size() < limit) {
                    RejectedRecord record;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        record = records.next();
                    } catch (RuntimeException e) {
                        if (!fromParts) {
                            throw new IllegalStateException("Cannot read the rejected records in " + file, e);
                        }
                        break; // the end of a part file being written: shown once committed
                    }
                    if (skipped++ >= offset) {
                        page.add(record);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the rejected records in " + file, e);
            }
            if (page.size() == limit) {
                break;
            }
        }
        return page;
    }

    private static List<Path> rejectParts(PartFiles parts) {
        try {
            return parts.rejectsInOrder();
        } catch (IOException e) {
            return List.of(); // assembled and deleted just now: nothing more to show from here
        }
    }

    private static Iterator<RejectedRecord> csv(Reader reader, boolean header) throws IOException {
        Iterator<CSVRecord> rows = CSVFormat.RFC4180.builder().setSkipHeaderRecord(header)
                .setHeader(header ? new String[0] : RejectedRecord.COLUMNS.toArray(String[]::new)).get()
                .parse(reader).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public RejectedRecord next() {
                CSVRecord row = rows.next();
                return new RejectedRecord(Long.parseLong(row.get(0)), row.get(1), row.get(2));
            }
        };
    }

    private static Iterator<RejectedRecord> jsonLines(Reader reader) {
        Iterator<String> lines = new BufferedReader(reader).lines().filter(line -> !line.isBlank()).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public RejectedRecord next() {
                JsonNode row = JSON.readTree(lines.next());
                return new RejectedRecord(row.get("line").asLong(), row.get("reason").asString(),
                        row.get("record").asString());
            }
        };
    }
}
