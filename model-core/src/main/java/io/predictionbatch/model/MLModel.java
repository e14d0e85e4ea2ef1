package io.predictionbatch.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The contract every hosted model implements.
 *
 * <p>An implementation does its expensive work (loading weights, a trained model file) in its
 * public no-argument constructor: the {@link ModelRegistry} creates each model once per JVM and
 * shares the instance between threads, so {@link #predict(Object)} must be thread-safe.
 *
 * @param <I> the input type, a Java record (or bean) whose properties are the input fields
 * @param <O> the output type, a Java record (or bean) whose properties are the output fields
 */
public interface MLModel<I, O> {

    /** A unique name usable in a URL and on the command line, such as {@code iris_model}. */
    String qualifiedName();

    /** A human-readable name, such as {@code Iris Model}. */
    String displayName();

    /** What the model predicts, for documentation. */
    String description();

    /** The version of the trained model, recorded beside each prediction. */
    String version();

    /** The type of one input record; its properties are the fields a record must carry. */
    Class<I> inputType();

    /** The type of one prediction. */
    Class<O> outputType();

    /**
     * Predicts one record.
     *
     * @throws SchemaValidationException when the input breaks the model's rules
     * @throws ModelException when the model cannot predict this input
     */
    O predict(I input);

    /**
     * Predicts many records, in order. Models that can vectorise override this for speed; the
     * default predicts one record after another.
     *
     * @throws ModelException when any record cannot be predicted
     */
    default List<O> predict(List<I> inputs) {
        List<O> outputs = new ArrayList<>(inputs.size());
        for (I input : inputs) {
            outputs.add(predict(input));
        }
        return outputs;
    }
}
