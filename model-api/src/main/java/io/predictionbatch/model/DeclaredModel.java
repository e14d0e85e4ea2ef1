package io.predictionbatch.model;

import java.util.List;

/**
 * A model whose input and output fields are declared as data rather than as Java types: the way a
 * generic host serves model files (an ONNX model and its descriptor, say) with no Java code per
 * model. Its records are {@link FieldValues} in the declared field order; the registry binds, checks
 * and flattens them by the declared fields exactly as it does a Java model's record types, and the
 * model's JSON Schemas are made from them.
 */
public interface DeclaredModel extends MLModel<FieldValues, FieldValues> {

    /** The input fields, in the order records carry them (the order of a CSV header). */
    List<DeclaredField> inputFields();

    /** The output fields, in the order {@link #predict(Object)} returns their values. */
    List<DeclaredField> outputFields();

    @Override
    default Class<FieldValues> inputType() {
        return FieldValues.class;
    }

    @Override
    default Class<FieldValues> outputType() {
        return FieldValues.class;
    }
}
