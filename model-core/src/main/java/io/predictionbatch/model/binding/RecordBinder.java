package io.predictionbatch.model.binding;

import io.predictionbatch.model.DeclaredField;
import io.predictionbatch.model.FieldValues;
import io.predictionbatch.model.FieldViolation;
import io.predictionbatch.model.Nullability;
import io.predictionbatch.model.SchemaValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Binds one raw record, a CSV row or a JSON object, to a model's typed input, and says everything
 * that is wrong with it when it cannot.
 *
 * <p>The input type is a Java record (or a bean with setters, or a class with a
 * {@code @JsonCreator}); Jackson decides its fields, their JSON names ({@code @JsonProperty}),
 * their order and how an instance is built. All of that is worked out once per type by
 * {@link #forType(Class)}; binding a record then costs a map lookup and a parse per field and one
 * constructor call, with no reflection lookups and no intermediate tree (rows of known columns,
 * bound {@linkplain #forColumns by position}, skip the lookups too). A binder is immutable and
 * shared by all threads.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Every field is required unless {@link Nullability} says it may be absent; fields the input
 *       type does not declare are ignored.</li>
 *   <li>A missing field, a JSON {@code null} and empty text are refused ({@code is missing},
 *       {@code is null}, {@code is empty}); for an optional field they give {@code null}.</li>
 *   <li>Numbers must be plain decimal numbers ({@code 5.1}, {@code -3}, {@code 1e-3}); NaN and
 *       infinities are refused. Integer fields refuse a fraction ({@code 5.5}) but accept
 *       {@code 5.0}, and refuse values outside the Java type's range.</li>
 *   <li>Whitespace around a number, boolean or enum value is ignored; strings are kept as written.</li>
 *   <li>Booleans are {@code true} or {@code false} (any case). Enums are matched exactly against
 *       their JSON values.</li>
 *   <li>In JSON, a string is read exactly like the same text in a CSV cell, so {@code "5.1"} is
 *       accepted for a number: many producers quote every value, and a CSV row would have been
 *       accepted. Other JSON kinds must match: a boolean, object or array where a number is
 *       expected is refused ({@code must be a number, not a boolean}). A number or boolean is
 *       accepted for a string field, as its text.</li>
 *   <li>Other field types (dates, UUIDs, nested records) are read by Jackson's own deserializer.</li>
 * </ul>
 * Every problem of a record is reported at once, in field order, in one
 * {@link SchemaValidationException}. Text that is not a JSON object has a single violation on the
 * field {@code $}. A {@code RuntimeException} thrown by the input type's constructor or setters
 * (its own validation) is reported as a violation too.
 *
 * @param <I> the model's input type
 */
public final class RecordBinder<I> {

    private static final ClassValue<RecordBinder<?>> BINDERS = new ClassValue<>() {
        @Override
        protected RecordBinder<?> computeValue(Class<?> type) {
            InputIntrospector.Introspection introspection = InputIntrospector.introspect(type);
            return new RecordBinder<>(introspection.properties(), introspection.instantiator()::create);
        }
    };

    private final InputProperty[] properties;
    private final Map<String, InputProperty> propertiesByName;
    private final List<String> fieldNames;
    private final Function<Object[], Object> instantiator;

    private RecordBinder(List<InputProperty> properties, Function<Object[], Object> instantiator) {
        this.properties = properties.toArray(InputProperty[]::new);
        this.instantiator = instantiator;
        Map<String, InputProperty> byName = new HashMap<>();
        for (InputProperty property : properties) {
            byName.put(property.name(), property);
        }
        this.propertiesByName = byName;
        this.fieldNames = properties.stream().map(InputProperty::name).toList();
    }

    /**
     * The binder of an input type, built on first use and cached for the life of the type's class.
     *
     * @throws IllegalArgumentException when Jackson cannot build the type from named fields
     */
    @SuppressWarnings("unchecked")
    public static <I> RecordBinder<I> forType(Class<I> inputType) {
        return (RecordBinder<I>) BINDERS.get(Objects.requireNonNull(inputType, "inputType"));
    }

    /**
     * The binder of a {@link io.predictionbatch.model.DeclaredModel DeclaredModel}'s input fields,
     * which binds records to {@link FieldValues} by the same rules as a Java input type's. Not
     * cached: the caller keeps it (the registry does, per hosted model).
     *
     * @throws IllegalArgumentException when there are no fields or two share a name
     */
    public static RecordBinder<FieldValues> forFields(List<DeclaredField> fields) {
        List<String> fieldNames = DeclaredFieldNames.of(fields, "input");
        List<InputProperty> properties = new ArrayList<>(fields.size());
        for (DeclaredField field : fields) {
            properties.add(new InputProperty(field.name(), properties.size(), InputIntrospector.readerFor(field.type()),
                    field.nullable()));
        }
        return new RecordBinder<>(properties, values -> new FieldValues(fieldNames, values));
    }

    /** The input's field names as records carry them (JSON names), in declaration order. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /**
     * Binds a CSV row.
     *
     * @param fields each column's header and its text; a {@code null} text counts as a null value
     * @throws SchemaValidationException naming every bad field
     */
    public I bindText(Map<String, String> fields) {
        Objects.requireNonNull(fields, "fields");
        Object[] values = new Object[properties.length];
        for (int i = 0; i < properties.length; i++) {
            InputProperty property = properties[i];
            String text = fields.get(property.name());
            values[i] = fromText(property, text, text != null || fields.containsKey(property.name()));
        }
        return create(values);
    }

    /** A field's value read from its text; a field without text is null where it is present, else missing. */
    private static Object fromText(InputProperty property, String text, boolean present) {
        return text != null ? property.fromText(text) : property.absent(present ? "is null" : "is missing");
    }

    /**
     * Plans the binding of rows that all have these columns, such as the rows of a CSV file under
     * its header: each field's column is looked up once, here, and {@link Columns#bind} then reads
     * a row's values by position. It binds as {@link #bindText} binds the same row as a map of
     * column name to text. Where two columns have a field's name, the field reads the first of them.
     */
    public Columns forColumns(List<String> columns) {
        return new Columns(columns);
    }

    /** A binding of rows by column position, planned once by {@link #forColumns}; immutable. */
    public final class Columns {

        /** Each field's column, or -1 where no column names it. */
        private final int[] columnOfField = new int[properties.length];

        private Columns(List<String> columns) {
            for (int i = 0; i < properties.length; i++) {
                columnOfField[i] = columns.indexOf(properties[i].name());
            }
        }

        /**
         * Binds one row.
         *
         * @param values the text of each column, in the order of the columns planned; a row may be
         *        shorter, its missing columns read as missing fields
         * @throws SchemaValidationException naming every bad field
         */
        public I bind(String[] values) {
            Objects.requireNonNull(values, "values");
            Object[] bound = new Object[properties.length];
            for (int i = 0; i < properties.length; i++) {
                int column = columnOfField[i];
                boolean present = column >= 0 && column < values.length;
                bound[i] = fromText(properties[i], present ? values[column] : null, present);
            }
            return create(bound);
        }
    }

    /**
     * Binds one JSON object, such as a line of a JSONL file, reading it as a token stream.
     *
     * @throws SchemaValidationException naming every bad field, or one violation on {@code $} when
     *         the text is not a single JSON object
     */
    public I bindJson(String jsonObjectText) {
        Objects.requireNonNull(jsonObjectText, "jsonObjectText");
        Object[] values = new Object[properties.length];
        boolean[] seen = new boolean[properties.length];
        try (JsonParser parser = BindingJson.parser(jsonObjectText)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw notAnObject(jsonObjectText,
                        first == null ? "there is no content" : "found " + BindingJson.kind(first));
            }
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken token = parser.nextToken();
                InputProperty property = propertiesByName.get(name);
                if (property == null) {
                    parser.skipChildren();
                } else {
                    values[property.index()] = property.fromJson(parser, token);
                    seen[property.index()] = true;
                }
            }
            if (parser.nextToken() != null) {
                throw notAnObject(jsonObjectText, "unexpected content after the object");
            }
        } catch (JacksonException e) {
            throw notAnObject(jsonObjectText, BindingJson.reason(e));
        }
        for (int i = 0; i < properties.length; i++) {
            if (!seen[i]) {
                values[i] = properties[i].absent("is missing");
            }
        }
        return create(values);
    }

    /**
     * Binds a JSON object already parsed, by the same rules as {@link #bindJson(String)}.
     *
     * @throws SchemaValidationException naming every bad field, or one violation on {@code $} when
     *         the node is not an object
     */
    public I bindJson(JsonNode node) {
        Objects.requireNonNull(node, "node");
        if (!node.isObject()) {
            throw notAnObject(node.toString(), "found " + BindingJson.kind(node));
        }
        Object[] values = new Object[properties.length];
        for (int i = 0; i < properties.length; i++) {
            JsonNode value = node.get(properties[i].name());
            values[i] = value == null ? properties[i].absent("is missing") : properties[i].fromNode(value);
        }
        return create(values);
    }

    @SuppressWarnings("unchecked")
    private I create(Object[] values) {
        List<FieldViolation> violations = null;
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Rejection rejection) {
                if (violations == null) {
                    violations = new ArrayList<>();
                }
                violations.add(new FieldViolation(properties[i].name(), BindingJson.shown(rejection.value()),
                        rejection.reason()));
            }
        }
        if (violations != null) {
            throw new SchemaValidationException(violations);
        }
        return (I) instantiator.apply(values);
    }

    private static SchemaValidationException notAnObject(String text, String reason) {
        return new SchemaValidationException(List.of(
                new FieldViolation("$", BindingJson.shown(text), "is not a valid JSON object: " + reason)));
    }

    @Override
    public String toString() {
        return "RecordBinder" + fieldNames;
    }
}
