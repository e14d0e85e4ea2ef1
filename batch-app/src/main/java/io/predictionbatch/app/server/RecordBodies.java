package io.predictionbatch.app.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A request body that must be one record: a JSON object. */
final class RecordBodies {

    private RecordBodies() {
    }

    static ObjectNode requireObject(JsonNode body) {
        if (body instanceof ObjectNode object) {
            return object;
        }
        throw new BadRequestException("The body must be one record, a JSON object such as {\"sepal_length\": 5.1,"
                + " ...}; this one is " + (body == null || body.isMissingNode() ? "empty" : "a JSON "
                + body.getNodeType().name().toLowerCase()));
    }

    /** A request the client must change; answered 400 with this message. */
    static final class BadRequestException extends RuntimeException {
        BadRequestException(String message) {
            super(message);
        }
    }
}
