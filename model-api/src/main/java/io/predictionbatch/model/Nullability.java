package io.predictionbatch.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;

/**
 * The rule that decides whether an input field may be left out.
 *
 * <p>Every input field is required unless it has a reference type (not a primitive) and carries an
 * annotation named {@code Nullable}, from any library ({@code jakarta.annotation.Nullable},
 * {@code org.jspecify.annotations.Nullable}, {@code javax.annotation.Nullable}...). Matching the simple
 * name keeps {@code model-core} free of a dependency that model authors would be forced to share.
 * A model is far more often wrong when it silently receives a {@code null} than when a record with a
 * missing value is rejected, hence required by default.
 *
 * <p>The record binder and the JSON Schema both apply this rule, so the schema's {@code required}
 * list is exactly what binding enforces.
 */
public final class Nullability {

    private static final String NULLABLE = "Nullable";

    private Nullability() {
    }

    /**
     * Whether the element (a field, record component, method or parameter) is annotated
     * {@code @Nullable}, as a declaration annotation or on its type.
     */
    public static boolean isNullable(AnnotatedElement element) {
        if (element == null) {
            return false;
        }
        return hasNullable(element.getAnnotations()) || hasNullable(annotatedType(element));
    }

    private static AnnotatedType annotatedType(AnnotatedElement element) {
        if (element instanceof Field field) {
            return field.getAnnotatedType();
        }
        if (element instanceof RecordComponent component) {
            return component.getAnnotatedType();
        }
        if (element instanceof Method method) {
            return method.getParameterCount() == 1
                    ? method.getAnnotatedParameterTypes()[0]
                    : method.getAnnotatedReturnType();
        }
        if (element instanceof Parameter parameter) {
            return parameter.getAnnotatedType();
        }
        return null;
    }

    private static boolean hasNullable(AnnotatedType type) {
        return type != null && hasNullable(type.getAnnotations());
    }

    private static boolean hasNullable(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getSimpleName().equals(NULLABLE)) {
                return true;
            }
        }
        return false;
    }
}
