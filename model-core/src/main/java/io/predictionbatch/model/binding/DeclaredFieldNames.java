package io.predictionbatch.model.binding;

import io.predictionbatch.model.DeclaredField;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The one check of a declared model's field names, for its inputs and its outputs alike. */
final class DeclaredFieldNames {

    private DeclaredFieldNames() {
    }

    /**
     * The fields' names, in order.
     *
     * @param kind {@code input} or {@code output}, for the message
     * @throws IllegalArgumentException when there are no fields or two share a name
     */
    static List<String> of(List<DeclaredField> fields, String kind) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("A model must declare at least one " + kind + " field");
        }
        Set<String> seen = new HashSet<>();
        for (DeclaredField field : fields) {
            if (!seen.add(field.name())) {
                throw new IllegalArgumentException("Two " + kind + " fields are named '" + field.name() + "'");
            }
        }
        return fields.stream().map(DeclaredField::name).toList();
    }
}
