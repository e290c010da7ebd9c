package workbench.harness.qemu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** One line QEMU's QMP sends: its greeting, a command's reply or error, or an asynchronous event. */
public sealed interface QmpMessage {
    ObjectMapper JSON = new ObjectMapper();

    /** {"QMP": {"version": {"qemu": {"major": 7, "minor": 2, "micro": 22}, …}}} */
    record Greeting(String version) implements QmpMessage {
    }

    /** {"return": …}: the command worked; its value ({} for most) */
    record Return(JsonNode value) implements QmpMessage {
    }

    /** {"error": {"class": "GenericError", "desc": "…"}} */
    record Error(String errorClass, String description) implements QmpMessage {
    }

    /**
     * {"event": "MIGRATION", "data": {"status": "completed"}, "timestamp": …}
     *
     * @param at when this JVM read the line ({@link System#nanoTime}): the moment a transfer's end is
     *           taken at, whenever the waiting thread gets to it
     */
    record Event(String name, JsonNode data, long at) implements QmpMessage {
        public Event(String name, JsonNode data) {
            this(name, data, System.nanoTime());
        }

        /** the data's text field {@code field}, "" when absent */
        public String text(String field) {
            return data.path(field).asText("");
        }
    }

    /** Parses one QMP line; anything else is an IOException naming the line. */
    static QmpMessage parse(String line) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IOException("QMP sent a line that is not JSON: " + shorten(line));
        }
        if (node == null || !node.isObject()) {
            throw new IOException("QMP sent a line that is not a JSON object: " + shorten(line));
        }
        if (node.has("return")) {
            return new Return(node.get("return"));
        }
        if (node.has("error")) {
            JsonNode e = node.get("error");
            return new Error(e.path("class").asText("?"), e.path("desc").asText(""));
        }
        if (node.has("event")) {
            return new Event(node.get("event").asText(), node.path("data"));
        }
        if (node.has("QMP")) {
            JsonNode v = node.get("QMP").path("version").path("qemu");
            return new Greeting(v.path("major").asInt() + "." + v.path("minor").asInt() + "." + v.path("micro").asInt());
        }
        throw new IOException("QMP sent a message of no known kind: " + shorten(line));
    }

    private static String shorten(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
