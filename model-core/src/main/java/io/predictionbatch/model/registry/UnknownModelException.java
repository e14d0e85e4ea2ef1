package io.predictionbatch.model.registry;

import java.util.List;

/**
 * No hosted model has the requested qualified name. The message lists the names that exist
 * ({@code Unknown model 'foo'. Available models: iris_model}), so a user can correct a typo.
 */
public class UnknownModelException extends ModelRegistryException {

    private static final long serialVersionUID = 1L;

    private final String requestedName;
    private final List<String> availableNames;

    public UnknownModelException(String requestedName, List<String> availableNames, String message) {
        super(message);
        this.requestedName = requestedName;
        this.availableNames = List.copyOf(availableNames);
    }

    /** The name that was asked for. */
    public String requestedName() {
        return requestedName;
    }

    /** The qualified names of the models that loaded, in registry order. */
    public List<String> availableNames() {
        return availableNames;
    }
}
