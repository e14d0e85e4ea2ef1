package io.predictionbatch.model.binding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.predictionbatch.model.DeclaredField;
import io.predictionbatch.model.Nullability;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Array;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.CreatorProperty;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.introspect.AnnotatedWithParams;
import tools.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Asks Jackson, once per input type, what the type's properties are (names, types, order) and how
 * it builds an instance, and turns the answer into readers and an {@link Instantiator}. Asking the
 * deserializer Jackson would itself use keeps every Jackson annotation meaningful: names,
 * {@code @JsonCreator}, {@code @JsonIgnore}, {@code @JsonPropertyOrder}, mix-ins.
 */
final class InputIntrospector {

    private static final ValueReader DOUBLE = new FloatingPointReader(false);
    private static final ValueReader FLOAT = new FloatingPointReader(true);
    private static final ValueReader BYTE = new IntegerReader(IntegerReader.Kind.BYTE);
    private static final ValueReader SHORT = new IntegerReader(IntegerReader.Kind.SHORT);
    private static final ValueReader INT = new IntegerReader(IntegerReader.Kind.INT);
    private static final ValueReader LONG = new IntegerReader(IntegerReader.Kind.LONG);
    private static final ValueReader BIG_INTEGER = new IntegerReader(IntegerReader.Kind.BIG_INTEGER);
    private static final ValueReader DECIMAL = new DecimalReader();
    private static final ValueReader BOOLEAN = new BooleanReader();
    private static final ValueReader TEXT = new TextReader();

    /** What binding needs to know about an input type. */
    record Introspection(List<InputProperty> properties, Instantiator instantiator) {
    }

    private InputIntrospector() {
    }

    static Introspection introspect(Class<?> type) {
        JavaType javaType = BindingJson.MAPPER.constructType(type);
        DeserializationContext context = BindingJson.MAPPER._deserializationContext();
        ValueDeserializer<Object> deserializer;
        BeanDescription description;
        try {
            deserializer = context.findRootValueDeserializer(javaType);
            description = context.introspectBeanDescriptionForCreation(javaType);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Jackson cannot read the input type " + type.getName() + ": "
                    + BindingJson.reason(e), e);
        }
        if (!(deserializer instanceof BeanDeserializerBase bean) || type.isInterface()) {
            throw new IllegalArgumentException("The input type " + type.getName()
                    + " is not a record or a bean: make it a record whose components are the input fields");
        }
        Map<String, BeanPropertyDefinition> definitions = new HashMap<>();
        for (BeanPropertyDefinition definition : description.findProperties()) {
            definitions.put(definition.getName(), definition);
        }
        List<SettableBeanProperty> settable = DeclarationOrder.sort(type, orderedProperties(bean, description),
                property -> definitions.containsKey(property.getName())
                        ? definitions.get(property.getName()).getInternalName() : null);
        if (settable.isEmpty()) {
            throw new IllegalArgumentException("The input type " + type.getName()
                    + " has no properties Jackson can set: make it a record whose components are the input fields");
        }
        List<InputProperty> properties = new ArrayList<>(settable.size());
        for (int i = 0; i < settable.size(); i++) {
            SettableBeanProperty property = settable.get(i);
            properties.add(new InputProperty(property.getName(), i, readerFor(property),
                    isNullable(type, property, definitions.get(property.getName()))));
        }
        return new Introspection(List.copyOf(properties), instantiator(type, bean, settable, context));
    }

    /** Jackson's order, then anything only the deserializer knows. */
    private static List<SettableBeanProperty> orderedProperties(BeanDeserializerBase bean,
                                                                BeanDescription description) {
        Set<String> ignored = description.getIgnoredPropertyNames();
        List<SettableBeanProperty> ordered = new ArrayList<>();
        for (BeanPropertyDefinition definition : description.findProperties()) {
            SettableBeanProperty property = bean.findProperty(definition.getFullName());
            if (property != null && !ordered.contains(property) && !ignored.contains(property.getName())) {
                ordered.add(property);
            }
        }
        bean.properties().forEachRemaining(property -> {
            if (!ordered.contains(property) && !ignored.contains(property.getName())) {
                ordered.add(property);
            }
        });
        return ordered;
    }

    private static Instantiator instantiator(Class<?> type, BeanDeserializerBase bean,
                                             List<SettableBeanProperty> properties, DeserializationContext context) {
        List<String> names = properties.stream().map(SettableBeanProperty::getName).toList();
        ValueInstantiator valueInstantiator = bean.getValueInstantiator();
        AnnotatedWithParams creator;
        List<Instantiator.Argument> arguments = new ArrayList<>();
        if (valueInstantiator.canCreateFromObjectWith()) {
            creator = valueInstantiator.getWithArgsCreator();
            for (SettableBeanProperty argument : valueInstantiator.getFromObjectArguments(context.getConfig())) {
                arguments.add(argument(type, argument, names));
            }
        } else if (valueInstantiator.canCreateUsingDefault()) {
            creator = valueInstantiator.getDefaultCreator();
        } else {
            throw new IllegalArgumentException("The input type " + type.getName()
                    + " has no constructor Jackson can use: make it a record, or give it a public no-argument"
                    + " constructor and setters");
        }
        List<Instantiator.Setter> setters = new ArrayList<>();
        for (int i = 0; i < properties.size(); i++) {
            SettableBeanProperty property = properties.get(i);
            if (!(property instanceof CreatorProperty)) {
                AnnotatedMember setter = property.getMember();
                setter.fixAccess(false);
                setters.add(new Instantiator.Setter(i, property.getName(), setter));
            }
        }
        return new Instantiator(type, properties.size(), creator, arguments, setters);
    }

    private static Instantiator.Argument argument(Class<?> type, SettableBeanProperty argument, List<String> names) {
        if (argument == null) {
            return new Instantiator.Argument(-1, null);
        }
        if (argument.getInjectableValueId() != null) {
            throw new IllegalArgumentException("The input type " + type.getName()
                    + " has an injected creator argument '" + argument.getName()
                    + "'; injected values are not supported");
        }
        int slot = names.indexOf(argument.getName());
        // an ignored record component is not an input field; Jackson passes its type's default too
        return new Instantiator.Argument(slot, slot < 0 ? defaultValue(argument.getType().getRawClass()) : null);
    }

    /** {@code null}, or zero / false for a primitive. */
    private static Object defaultValue(Class<?> type) {
        return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
    }

    /** The reader of a declared field: the one a Java field of the type's carrier type gets. */
    static ValueReader readerFor(DeclaredField.Type type) {
        return switch (type) {
            case FLOAT -> FLOAT;
            case DOUBLE -> DOUBLE;
            case INTEGER -> LONG;
            case STRING -> TEXT;
            case BOOLEAN -> BOOLEAN;
        };
    }

    private static ValueReader readerFor(SettableBeanProperty property) {
        JavaType type = property.getType();
        Class<?> raw = type.getRawClass();
        AnnotatedMember member = property.getMember();
        if (member.hasAnnotation(JsonDeserialize.class) || member.hasAnnotation(JsonFormat.class)) {
            return new JacksonReader(type); // the author asked for Jackson's own handling
        }
        if (raw == double.class || raw == Double.class) {
            return DOUBLE;
        }
        if (raw == float.class || raw == Float.class) {
            return FLOAT;
        }
        if (raw == int.class || raw == Integer.class) {
            return INT;
        }
        if (raw == long.class || raw == Long.class) {
            return LONG;
        }
        if (raw == short.class || raw == Short.class) {
            return SHORT;
        }
        if (raw == byte.class || raw == Byte.class) {
            return BYTE;
        }
        if (raw == BigInteger.class) {
            return BIG_INTEGER;
        }
        if (raw == BigDecimal.class) {
            return DECIMAL;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return BOOLEAN;
        }
        if (raw == String.class || raw == CharSequence.class) {
            return TEXT;
        }
        if (raw.isEnum() && !hasCustomCreator(raw)) {
            return new EnumReader(raw);
        }
        return new JacksonReader(type);
    }

    private static boolean hasCustomCreator(Class<?> enumType) {
        return enumType.isAnnotationPresent(JsonDeserialize.class)
                || Arrays.stream(enumType.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(JsonCreator.class))
                || Arrays.stream(enumType.getDeclaredConstructors())
                        .anyMatch(c -> c.isAnnotationPresent(JsonCreator.class));
    }

    /** Looks for {@code @Nullable} wherever an author may have put it: component, field, accessor, parameter. */
    private static boolean isNullable(Class<?> type, SettableBeanProperty property, BeanPropertyDefinition definition) {
        if (property.getType().isPrimitive()) {
            return false;
        }
        List<AnnotatedElement> places = new ArrayList<>();
        places.add(property.getMember().getAnnotated());
        if (property.getMember() instanceof AnnotatedParameter parameter) {
            places.add(parameterOf(parameter));
        }
        if (definition != null) {
            String javaName = definition.getInternalName();
            places.add(field(type, javaName));
            places.add(recordComponent(type, javaName));
            for (AnnotatedMember member : new AnnotatedMember[] {
                    definition.getField(), definition.getGetter(), definition.getSetter()}) {
                if (member != null) {
                    places.add(member.getAnnotated());
                }
            }
        }
        return places.stream().anyMatch(Nullability::isNullable);
    }

    private static AnnotatedElement parameterOf(AnnotatedParameter parameter) {
        return parameter.getOwner().getAnnotated() instanceof Executable executable
                ? executable.getParameters()[parameter.getIndex()]
                : null;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return field;
                }
            }
        }
        return null;
    }

    private static RecordComponent recordComponent(Class<?> type, String name) {
        if (!type.isRecord()) {
            return null;
        }
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }
}
