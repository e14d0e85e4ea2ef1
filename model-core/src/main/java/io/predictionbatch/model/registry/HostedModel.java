package io.predictionbatch.model.registry;

import io.predictionbatch.model.DeclaredModel;
import io.predictionbatch.model.MLModel;
import io.predictionbatch.model.binding.OutputFields;
import io.predictionbatch.model.binding.RecordBinder;
import java.util.Objects;

/**
 * A created model together with what every caller needs to feed it and read it: the binder of its
 * input type and the flattener of its output type, both worked out once. Shared by all threads.
 *
 * @param <I> the model's input type
 * @param <O> the model's output type
 */
public final class HostedModel<I, O> {

    /** The source of a model whose class is on the application's class path. */
    public static final String CLASS_PATH = "class path";

    private final MLModel<I, O> model;
    private final String source;
    private final String qualifiedName;
    private final String version;
    private final RecordBinder<I> binder;
    private final OutputFields<O> outputFields;

    @SuppressWarnings("unchecked") // a DeclaredModel's I and O are FieldValues
    private HostedModel(MLModel<I, O> model, String source) {
        this.model = model;
        this.source = source;
        this.qualifiedName = model.qualifiedName();
        this.version = model.version();
        if (model instanceof DeclaredModel declared) {
            this.binder = (RecordBinder<I>) RecordBinder.forFields(declared.inputFields());
            this.outputFields = (OutputFields<O>) OutputFields.forFields(declared.outputFields());
        } else {
            this.binder = RecordBinder.forType(model.inputType());
            this.outputFields = OutputFields.forType(model.outputType());
        }
    }

    /**
     * Hosts a model instance. The {@link ModelRegistry} does this for the models it creates; tests
     * and embedding code may host an instance of their own.
     *
     * @throws IllegalArgumentException when the input or output type cannot be bound or flattened
     */
    public static <I, O> HostedModel<I, O> of(MLModel<I, O> model) {
        return of(model, CLASS_PATH);
    }

    static <I, O> HostedModel<I, O> of(MLModel<I, O> model, String source) {
        return new HostedModel<>(Objects.requireNonNull(model, "model"), source);
    }

    /** Where the model's class comes from: the class path, or a package of the models directory. */
    public String source() {
        return source;
    }

    /** The model instance, shared by all threads. */
    public MLModel<I, O> model() {
        return model;
    }

    /** Binds raw records (CSV rows, JSON objects) to the model's input type. */
    public RecordBinder<I> binder() {
        return binder;
    }

    /** Flattens the model's predictions into columns. */
    public OutputFields<O> outputFields() {
        return outputFields;
    }

    /** The model's qualified name, as it was when the model was hosted. */
    public String qualifiedName() {
        return qualifiedName;
    }

    /** The model's version, as it was when the model was hosted. */
    public String version() {
        return version;
    }

    @Override
    public String toString() {
        return qualifiedName + " " + version + " (" + model.getClass().getName() + ")";
    }
}
