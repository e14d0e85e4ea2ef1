package io.predictionbatch.model.schema;

import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MethodScope;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.module.SimpleTypeModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.github.victools.jsonschema.module.jackson.JsonPropertySorter;
import io.predictionbatch.model.DeclaredField;
import io.predictionbatch.model.DeclaredModel;
import io.predictionbatch.model.MLModel;
import io.predictionbatch.model.Nullability;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas (draft 2020-12) of models' inputs and outputs, generated from their Java types, for
 * documentation (the REST API, the dashboard, the command line's model listing).
 *
 * <p>Property names and descriptions come from Jackson annotations ({@code @JsonProperty},
 * {@code @JsonPropertyDescription}, {@code @JsonClassDescription}); enums list their JSON values.
 * A property is {@code required} unless {@link Nullability} marks it optional, which is exactly what
 * record binding enforces. Extra properties are not forbidden, since binding ignores them.
 *
 * <p>Schemas are generated once per type and cached; each call returns a fresh copy that the caller
 * may change. A {@link DeclaredModel}'s schemas are made from its declared fields, in the same shape.
 */
public final class ModelSchemas {

    private static final SchemaGenerator GENERATOR = new SchemaGenerator(configuration().build());

    private static final ClassValue<ObjectNode> SCHEMAS = new ClassValue<>() {
        @Override
        protected ObjectNode computeValue(Class<?> type) {
            return GENERATOR.generateSchema(type);
        }
    };

    private ModelSchemas() {
    }

    /** The schema of one input record of the model. */
    public static ObjectNode inputSchema(MLModel<?, ?> model) {
        return Objects.requireNonNull(model, "model") instanceof DeclaredModel declared
                ? schemaOf(declared.inputFields())
                : schemaOf(model.inputType());
    }

    /** The schema of one prediction of the model. */
    public static ObjectNode outputSchema(MLModel<?, ?> model) {
        return Objects.requireNonNull(model, "model") instanceof DeclaredModel declared
                ? schemaOf(declared.outputFields())
                : schemaOf(model.outputType());
    }

    /** The schema of a record of declared fields. */
    public static ObjectNode schemaOf(List<DeclaredField> fields) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("$schema", SchemaVersion.DRAFT_2020_12.getIdentifier());
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JsonNodeFactory.instance.arrayNode();
        for (DeclaredField field : fields) {
            ObjectNode property = properties.putObject(field.name());
            property.put("type", switch (field.type()) {
                case FLOAT, DOUBLE -> "number";
                case INTEGER -> "integer";
                case STRING -> "string";
                case BOOLEAN -> "boolean";
            });
            if (!field.description().isEmpty()) {
                property.put("description", field.description());
            }
            if (!field.nullable()) {
                required.add(field.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    /** The schema of any record or bean type. */
    public static ObjectNode schemaOf(Class<?> type) {
        return SCHEMAS.get(Objects.requireNonNull(type, "type")).deepCopy();
    }

    private static SchemaGeneratorConfigBuilder configuration() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonSchemaModule(
                        JacksonOption.RESPECT_JSONPROPERTY_ORDER,
                        JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                        JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
                        JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                // victools describes byte and short as strings (as for byte arrays); they are integers here
                .with(new SimpleTypeModule()
                        .withIntegerType(byte.class).withIntegerType(Byte.class)
                        .withIntegerType(short.class).withIntegerType(Short.class));
        // the module sorts alphabetically unless @JsonPropertyOrder says otherwise; declaration order
        // is the order of a CSV header and of RecordBinder.fieldNames()
        builder.forTypesInGeneral().withPropertySorter(new JsonPropertySorter(false));
        builder.forFields().withRequiredCheck(ModelSchemas::isRequired);
        builder.forMethods().withRequiredCheck(ModelSchemas::isRequired);
        return builder;
    }

    private static boolean isRequired(FieldScope field) {
        return field.getType() != null
                && (field.getType().isPrimitive() || !Nullability.isNullable(field.getRawMember()));
    }

    private static boolean isRequired(MethodScope method) {
        return method.getType() != null
                && (method.getType().isPrimitive() || !Nullability.isNullable(method.getRawMember()));
    }
}
