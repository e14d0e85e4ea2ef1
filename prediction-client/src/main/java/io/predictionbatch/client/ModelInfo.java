package io.predictionbatch.client;

import tools.jackson.databind.JsonNode;

/**
 * A model the server hosts.
 *
 * @param name the qualified name that requests use ({@code iris_model})
 * @param displayName the human name ({@code Iris Model})
 * @param version the model's version
 * @param description what it predicts
 * @param inputSchema JSON Schema of the record it reads
 * @param outputSchema JSON Schema of the prediction it returns
 */
public record ModelInfo(String name, String displayName, String version, String description,
                        JsonNode inputSchema, JsonNode outputSchema) {
}
