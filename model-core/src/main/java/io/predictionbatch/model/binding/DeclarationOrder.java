package io.predictionbatch.model.binding;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Puts properties in the order their fields are declared. Jackson keeps that order for records,
 * but moves a bean property renamed with {@code @JsonProperty} to the end; a CSV header or an output
 * file's columns should follow the source, as the author wrote it. An explicit
 * {@code @JsonPropertyOrder} wins.
 */
final class DeclarationOrder {

    private DeclarationOrder() {
    }

    /**
     * @param javaName the Java (internal) name of an item's property, or {@code null} if unknown
     * @return the items by field position, superclass fields first; items without a field follow,
     *         in their original order
     */
    static <T> List<T> sort(Class<?> type, List<T> items, Function<T, String> javaName) {
        if (type.isAnnotationPresent(JsonPropertyOrder.class)) {
            return items;
        }
        Map<String, Integer> positions = fieldPositions(type);
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(item -> positions.getOrDefault(javaName.apply(item), Integer.MAX_VALUE)));
        return sorted;
    }

    private static Map<String, Integer> fieldPositions(Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        Map<String, Integer> positions = new HashMap<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                positions.putIfAbsent(field.getName(), positions.size());
            }
        }
        return positions;
    }
}
