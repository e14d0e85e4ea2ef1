package io.predictionbatch.model.registry;

import java.time.Duration;

/**
 * A model the registry has just created: which one, from where, and how long creating it took
 * (its constructor, which loads weights or model files, and the binding of its types).
 */
public record ModelLoad(String qualifiedName, String version, String source, Duration time) {
}
