package io.predictionbatch.model.binding;

import io.predictionbatch.model.FieldViolation;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.SchemaValidationException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedWithParams;

/**
 * Builds an input object from already converted field values with the creator and setters Jackson
 * chose for the type (a record's canonical constructor, a {@code @JsonCreator}, or a no-argument
 * constructor and setters).
 *
 * <p>The creator is called through a method handle spread over the values array, made once from the
 * constructor or factory Jackson picked: Jackson's own {@code call(Object[])} goes through
 * {@code MethodHandle.invokeWithArguments}, which measured ~65 ns per record against ~7 ns, a third
 * of the whole binding cost.
 */
final class Instantiator {

    /**
     * Where a creator argument comes from.
     *
     * @param slot the index of its field value, or -1 when it is not an input field
     * @param fixed the value passed when it is not an input field (an ignored record component)
     */
    record Argument(int slot, Object fixed) {
    }

    /**
     * A field the creator does not take.
     *
     * @param slot the index of its field value
     * @param field its name, for messages
     * @param member the setter method or field
     */
    record Setter(int slot, String field, AnnotatedMember member) {
    }

    private final Class<?> type;
    private final AnnotatedWithParams creator;
    private final MethodHandle spreadCreator;
    private final Argument[] arguments;
    private final boolean valuesAreArguments;
    private final Setter[] setters;

    /**
     * @param fieldCount how many field values {@link #create} receives
     * @param creator the constructor or factory to call, with the arguments or without any
     */
    Instantiator(Class<?> type, int fieldCount, AnnotatedWithParams creator, List<Argument> arguments,
                 List<Setter> setters) {
        this.type = type;
        this.creator = creator;
        this.spreadCreator = spread(creator);
        this.arguments = arguments.toArray(Argument[]::new);
        this.setters = setters.toArray(Setter[]::new);
        this.valuesAreArguments = fieldCount == arguments.size() && isIdentity(this.arguments);
    }

    Object create(Object[] values) {
        Object instance = construct(values);
        for (Setter setter : setters) {
            Object value = values[setter.slot()];
            if (value != null) { // an absent optional field keeps the bean's own default
                set(instance, setter, value);
            }
        }
        return instance;
    }

    private Object construct(Object[] values) {
        Object[] creatorArguments = valuesAreArguments ? values : creatorArguments(values);
        try {
            if (spreadCreator != null) {
                return (Object) spreadCreator.invokeExact(creatorArguments);
            }
            return creatorArguments.length == 0 ? creator.call() : creator.call(creatorArguments);
        } catch (InvocationTargetException e) {
            throw rejected("$", null, e.getCause());
        } catch (Throwable e) {
            throw rejected("$", null, e);
        }
    }

    /** {@code (Object[]) -> Object} over the creator, or {@code null} when it cannot be unreflected. */
    private static MethodHandle spread(AnnotatedWithParams creator) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle handle;
            if (creator.getAnnotated() instanceof Constructor<?> constructor) {
                handle = lookup.unreflectConstructor(constructor);
            } else if (creator.getAnnotated() instanceof Method method && Modifier.isStatic(method.getModifiers())) {
                handle = lookup.unreflect(method);
            } else {
                return null;
            }
            return handle.asSpreader(Object[].class, handle.type().parameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException e) {
            return null; // Jackson's slower call still works
        }
    }

    private Object[] creatorArguments(Object[] values) {
        Object[] creatorArguments = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Argument argument = arguments[i];
            creatorArguments[i] = argument.slot() < 0 ? argument.fixed() : values[argument.slot()];
        }
        return creatorArguments;
    }

    private void set(Object instance, Setter setter, Object value) {
        try {
            setter.member().setValue(instance, value);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof InvocationTargetException)) {
                cause = cause.getCause();
            }
            throw rejected(setter.field(), String.valueOf(value),
                    cause instanceof InvocationTargetException ? cause.getCause() : cause);
        }
    }

    /** The input type's own validation refused the values: a bad record, not a broken model. */
    private RuntimeException rejected(String field, String value, Throwable cause) {
        if (cause instanceof SchemaValidationException validation) {
            return validation;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (!(cause instanceof RuntimeException)) { // a checked exception the constructor declares
            return new ModelException("Could not create " + type.getName() + ": " + cause, cause);
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return new SchemaValidationException(List.of(new FieldViolation(field, BindingJson.shown(value),
                "is rejected by " + type.getSimpleName() + ": " + message)));
    }

    private static boolean isIdentity(Argument[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i].slot() != i) {
                return false;
            }
        }
        return true;
    }
}
