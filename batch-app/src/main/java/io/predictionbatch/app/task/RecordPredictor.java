package io.predictionbatch.app.task;

import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.registry.HostedModel;
import tools.jackson.databind.JsonNode;

/**
 * Predicts one JSON record with a hosted model: binds it (every bad field reported at once),
 * predicts, and turns a model's own crash into that record's {@link ModelException}. Serves the
 * synchronous {@code predict} call and the task runners alike.
 */
public final class RecordPredictor {

    private RecordPredictor() {
    }

    /**
     * @return the model's output object (a record or bean, serialised by Jackson)
     * @throws io.predictionbatch.model.SchemaValidationException when the record breaks the input schema
     * @throws ModelException when the model refuses or fails on the record
     */
    public static Object predict(HostedModel<?, ?> model, JsonNode record) {
        return predictTyped(model, record);
    }

    private static <I, O> O predictTyped(HostedModel<I, O> model, JsonNode record) {
        I input = model.binder().bindJson(record);
        try {
            return model.model().predict(input);
        } catch (ModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelException("model " + model.qualifiedName() + " failed: " + e, e);
        }
    }
}
