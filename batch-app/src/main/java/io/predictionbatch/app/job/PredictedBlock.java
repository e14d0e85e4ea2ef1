package io.predictionbatch.app.job;

import java.util.List;

import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.output.PredictionRow;

/**
 * What became of a block of records: a row for each record predicted and a rejection for each
 * record that could not be, each list in input order.
 *
 * @param records how many records the block held
 */
record PredictedBlock(int records, List<PredictionRow> rows, List<Rejection> rejections) {

    /** A record set aside, and why: the model's or the parser's exception, whose message says it. */
    record Rejection(InputRecord record, RuntimeException cause) {
    }
}
