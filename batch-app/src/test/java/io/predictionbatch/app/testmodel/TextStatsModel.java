package io.predictionbatch.app.testmodel;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.predictionbatch.model.MLModel;
import io.predictionbatch.model.ModelException;

/**
 * A second model for the tests, hosted beside {@code iris_model}: counts the words of a text. It
 * takes as long as the record asks ({@code delay_millis}), so that a test can catch a task while
 * it runs, and refuses the text {@code "refuse"} with a {@link ModelException}, as a model refuses
 * a record for reasons of its own.
 */
public final class TextStatsModel implements MLModel<TextStatsModel.Input, TextStatsModel.Output> {

    public record Input(@JsonProperty("text") String text, @JsonProperty("delay_millis") int delayMillis) {
    }

    public record Output(@JsonProperty("words") int words, @JsonProperty("shout") String shout) {
    }

    @Override
    public String qualifiedName() {
        return "text_stats";
    }

    @Override
    public String displayName() {
        return "Text Stats";
    }

    @Override
    public String description() {
        return "Counts the words of a text (a test model)";
    }

    @Override
    public String version() {
        return "test-1";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<Output> outputType() {
        return Output.class;
    }

    @Override
    public Output predict(Input input) {
        if ("refuse".equals(input.text())) {
            throw new ModelException("text_stats refuses the text 'refuse'");
        }
        if (input.delayMillis() > 0) {
            try {
                Thread.sleep(input.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelException("interrupted");
            }
        }
        String text = input.text().strip();
        return new Output(text.isEmpty() ? 0 : text.split("\\s+").length, text.toUpperCase());
    }
}
