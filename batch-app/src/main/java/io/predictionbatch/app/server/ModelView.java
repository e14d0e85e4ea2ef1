package io.predictionbatch.app.server;

import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.schema.ModelSchemas;
import tools.jackson.databind.node.ObjectNode;

/** A hosted model as the API shows it, with the JSON Schema (2020-12) of its input and output. */
record ModelView(String name, String displayName, String version, String description, ObjectNode inputSchema,
        ObjectNode outputSchema) {

    static ModelView of(HostedModel<?, ?> model) {
        return new ModelView(model.qualifiedName(), model.model().displayName(), model.version(),
                model.model().description(), ModelSchemas.inputSchema(model.model()),
                ModelSchemas.outputSchema(model.model()));
    }
}
