package workbench.harness.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * decode --json's camelCase object in the shape of the fixtures' snake_case {@code expected.json}
 * (written by QEMU-side tooling, kept as it came): names in snake_case, each section as its array
 * (its values without the offset). Only the comparison needs this; decode writes camelCase.
 */
public final class FixtureShape {
    private FixtureShape() {
    }

    public static JsonNode of(JsonNode decodeJson) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = decodeJson.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.set(snake(e.getKey()), e.getKey().equals("sections") ? sections(e.getValue()) : names(e.getValue()));
        }
        return out;
    }

    private static JsonNode sections(JsonNode sections) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode s : sections) {
            ArrayNode a = out.addArray();
            s.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("offset")) {
                    a.add(f.getValue());
                }
            });
        }
        return out;
    }

    private static JsonNode names(JsonNode value) {
        if (value.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            value.fields().forEachRemaining(f -> out.set(snake(f.getKey()), names(f.getValue())));
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            value.forEach(v -> out.add(names(v)));
            return out;
        }
        return value;
    }

    /** "usedLength" → "used_length", "fileSha256" → "file_sha256" */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
