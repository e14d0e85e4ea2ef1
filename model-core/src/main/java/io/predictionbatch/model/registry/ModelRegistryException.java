package io.predictionbatch.model.registry;

/**
 * A model could not be made available: a configured class is missing or is not a model, or a model
 * failed to load. This is a deployment or configuration problem, not a problem of one record: it
 * deliberately does not extend {@link io.predictionbatch.model.ModelException}, so that code skipping
 * bad records never skips past a model that cannot run.
 */
public class ModelRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelRegistryException(String message) {
        super(message);
    }

    public ModelRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
