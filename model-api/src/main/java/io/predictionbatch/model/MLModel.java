package io.predictionbatch.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The contract every hosted model implements.
 *
 * <p>An implementation is a public class with a public no-argument constructor, which does the
 * expensive work (loading weights, a trained model file): the
 * {@link io.predictionbatch.model.registry.ModelRegistry ModelRegistry} creates each model once per
 * registry and shares the instance between threads, so {@link #predict(Object)} must be thread-safe.
 * A model jar makes its model available by listing the class in
 * {@code META-INF/services/io.predictionbatch.model.MLModel}.
 *
 * <p>The input type's properties are the fields of a record, named as Jackson names them
 * ({@code @JsonProperty}); see {@link io.predictionbatch.model.binding.RecordBinder RecordBinder} for
 * how raw records are checked and bound, and {@link Nullability} for optional fields. By the time
 * {@code predict} is called, the input has been validated against the type.
 *
 * @param <I> the input type, a Java record (or bean) whose properties are the input fields
 * @param <O> the output type, a Java record (or bean) whose properties are the output fields
 */
public interface MLModel<I, O> {

    /**
     * A unique name usable in a URL and on the command line, such as {@code iris_model}: 1 to 100
     * lowercase letters, digits, {@code _}, {@code -} and {@code .}, starting with a letter or digit.
     */
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
