package workbench.reports.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.impl.PropertySortUtils;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import workbench.reports.model.Run;

/**
 * Generates the JSON Schemas shipped under {@code workbench/reports/schema/} from the records
 * Jackson writes (victools' generator with its Jackson module), so a schema is what the code
 * writes, never a second description kept by hand. Conventions it encodes: every record component
 * is required unless it carries {@code @JsonInclude} (left out when empty) or is an
 * {@code Optional*}; a double may be the string "NaN" (or ±"Infinity"), as Jackson writes a figure
 * that could not be measured; enums are their {@code @JsonValue} words; maps are objects whose
 * values follow the map's value type. Unknown properties are allowed: readers ignore them, and an
 * additive change keeps the schema version.
 */
final class JsonSchemas {
    /** each shipped schema by file name, and the record it describes */
    static final Map<String, Class<?>> FILES = files();

    /** where the schemas sit, in the jar and under src/main/resources */
    static final String DIR = "workbench/reports/schema/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSchemas() {
    }

    private static Map<String, Class<?>> files() {
        Map<String, Class<?>> f = new LinkedHashMap<>();
        f.put("run.schema.json", Run.class);
        f.put("summary.schema.json", RunSummary.class);
        f.put("compare-summary.schema.json", CompareSummary.class);
        return java.util.Collections.unmodifiableMap(f);
    }

    /** the schema of {@code root}'s JSON, as the text the shipped file holds */
    static String generate(Class<?> root) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES, Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.PLAIN_DEFINITION_KEYS);
        config.forFields().withRequiredCheck(JsonSchemas::required);
        // properties in record order, as Jackson writes them; definitions by simple name ("TrialResult", "MapOfString")
        config.forTypesInGeneral().withPropertySorter(PropertySortUtils.SORT_PROPERTIES_FIELDS_BEFORE_METHODS)
                .withDefinitionNamingStrategy((key, context) -> name(key.getType()));
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            Class<?> c = type.getErasedType();
            if (c == double.class || c == Double.class || c == OptionalDouble.class) {
                return new CustomDefinition(numberOrNonFinite(), CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.NO);
            }
            if (c == OptionalLong.class) {
                return new CustomDefinition(JSON.createObjectNode().put("type", "integer"), CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.NO);
            }
            return null;
        });
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(root);
        ObjectNode out = JSON.createObjectNode();
        out.put("$schema", schema.path("$schema").asText());
        out.put("title", title(root));
        schema.remove("$schema");
        out.setAll(schema);
        return RunJson.pretty(out);
    }

    private static String name(ResolvedType type) {
        if (Map.class.isAssignableFrom(type.getErasedType())) {
            List<ResolvedType> parameters = type.typeParametersFor(Map.class);
            return "MapOf" + (parameters.size() == 2 ? name(parameters.get(1)) : "Object");
        }
        return type.getErasedType().getSimpleName();
    }

    private static String title(Class<?> root) {
        if (root == Run.class) {
            return "run.json, schema " + Run.SCHEMA + " (record " + root.getName() + ")";
        }
        return (root == CompareSummary.class ? "summary.json of workbench compare" : "summary.json of a run") + ", schema "
                + SummaryJson.SCHEMA + " (record " + root.getName() + ")";
    }

    /** a number, or the strings Jackson writes for non-finite doubles */
    private static ObjectNode numberOrNonFinite() {
        ObjectNode n = JSON.createObjectNode();
        n.putArray("anyOf").add(JSON.createObjectNode().put("type", "number"))
                .add(JSON.createObjectNode().set("enum", JSON.createArrayNode().add("NaN").add("Infinity").add("-Infinity")));
        return n;
    }

    private static boolean required(FieldScope field) {
        Class<?> type = field.getType().getErasedType();
        boolean optionalType = type == OptionalDouble.class || type == OptionalLong.class || type == java.util.Optional.class;
        return !optionalType && field.getAnnotationConsideringFieldAndGetter(JsonInclude.class) == null;
    }
}
