package workbench.reports.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import workbench.reports.files.AtomicFile;
import workbench.reports.model.Run;

/**
 * The sole reader and writer of run.json (layout: {@code workbench/reports/run-schema.md}).
 * Written pretty-printed with '\n' line ends, fields in record order, and atomically: a reader
 * never sees half a file. Reading checks {@code schema} first, so a file from a newer workbench
 * fails with one clear line rather than a mapping error.
 */
public final class RunJson {
    public static final String FILE_NAME = "run.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private RunJson() {
    }

    /** replaces {@code file} atomically with the run (temp file in the same directory, fsync, rename) */
    public static void write(Run run, Path file) throws IOException {
        AtomicFile.write(file, toJson(run));
    }

    /** the run as run.json text, ending in a newline */
    public static String toJson(Run run) {
        try {
            return WRITER.writeValueAsString(run) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialise run " + run.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a run.json.
     *
     * @throws RunFileException when the file is not a run.json of a schema this workbench reads
     * @throws IOException      when the file cannot be read
     */
    public static Run read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** parses run.json text; {@code source} names it in error messages */
    public static Run fromJson(String json, String source) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new RunFileException(source + ": not a run.json (expected a JSON object)");
            }
            JsonNode schema = tree.get("schema");
            if (schema == null || !schema.isInt()) {
                throw new RunFileException(source + ": not a run.json (no integer \"schema\" field)");
            }
            int version = schema.intValue();
            if (version > Run.SCHEMA) {
                throw new RunFileException(source + ": run.json schema " + version + " is newer than this workbench"
                        + " reads (" + Run.SCHEMA + "); use a newer workbench to read it");
            }
            if (version < 1) {
                throw new RunFileException(source + ": run.json schema " + version + " is not a known schema");
            }
            return MAPPER.treeToValue(tree, Run.class);
        } catch (JacksonException e) {
            String why = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("malformed JSON");
            throw new RunFileException(source + ": not a valid run.json: " + why, e);
        }
    }
}
