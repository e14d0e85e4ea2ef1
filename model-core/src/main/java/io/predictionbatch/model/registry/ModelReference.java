package io.predictionbatch.model.registry;

import java.util.Objects;

/**
 * How users name a hosted model: {@code NAME} for its newest version, or {@code NAME@VERSION} for a
 * given one ({@code iris_model@1.0.0}). A qualified name never holds {@code @}, so the first one
 * splits the two.
 *
 * @param name the model's qualified name
 * @param version the version asked for, or {@code null} for the newest
 */
public record ModelReference(String name, String version) {

    public ModelReference {
        Objects.requireNonNull(name, "name");
    }

    /** Reads {@code NAME} or {@code NAME@VERSION}. */
    public static ModelReference parse(String reference) {
        int at = Objects.requireNonNull(reference, "reference").indexOf('@');
        return at < 0 ? new ModelReference(reference, null)
                : new ModelReference(reference.substring(0, at), reference.substring(at + 1));
    }

    /** The reference of one hosted model's version. */
    public static ModelReference of(HostedModel<?, ?> model) {
        return new ModelReference(model.qualifiedName(), model.version());
    }

    /** Whether a hosted model is the one referred to, any version if none is given. */
    boolean matches(HostedModel<?, ?> model) {
        return model.qualifiedName().equals(name) && (version == null || model.version().equals(version));
    }

    @Override
    public String toString() {
        return version == null ? name : name + "@" + version;
    }
}
