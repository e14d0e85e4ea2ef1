package io.predictionbatch.app.job;

import java.util.List;

import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.output.PredictionRow;

/**
 * What became of a block of records: a row for each record predicted and a rejection for each
 * record that could not be, each list in input order.
 */
record PredictedBlock(List<PredictionRow> rows, List<Rejection> rejections) {

    /** How many records the block held: each is predicted or rejected. */
    int records() {
        return rows.size() + rejections.size();
    }

    /** A record set aside, and why: the model's or the parser's exception, whose message says it. */
    record Rejection(InputRecord record, RuntimeException cause) {
    }
}
