package workbench.reports.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import workbench.reports.files.AtomicFile;
import workbench.reports.model.Run;

/**
 * The sole reader and writer of run.json (layout: {@code workbench/reports/run-schema.md}).
 * Written pretty-printed with '\n' line ends, fields in record order, and atomically: a reader
 * never sees half a file. Reading checks {@code schema} first, so a file from a newer workbench
 * fails with one clear line rather than a mapping error. Schema 1 is read by rewriting its tree into
 * schema 2 ({@link SchemaOne}): a run read from either is a schema-2 {@link Run}, written back as
 * schema 2. An optional number ({@code OptionalDouble}, {@code OptionalLong}) is written as a
 * number, or left out when empty.
 */
public final class RunJson {
    public static final String FILE_NAME = "run.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .addModule(optionalNumbers())
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private RunJson() {
    }

    /**
     * How run.json writes and reads its optional numbers ({@code OptionalDouble}, {@code OptionalLong}):
     * for another mapper that carries the model's records (a sender agent's trials), so they travel as
     * they are stored.
     */
    public static Module optionalNumbers() {
        return new SimpleModule("run.json")
                .addSerializer(OptionalDouble.class, new OptionalNumberWriter())
                .addDeserializer(OptionalDouble.class, new OptionalNumberReader())
                .addSerializer(OptionalLong.class, new OptionalIntegerWriter())
                .addDeserializer(OptionalLong.class, new OptionalIntegerReader());
    }

    /** replaces {@code file} atomically with the run (temp file in the same directory, fsync, rename) */
    public static void write(Run run, Path file) throws IOException {
        AtomicFile.write(file, toJson(run));
    }

    /** the run as run.json text, ending in a newline */
    public static String toJson(Run run) {
        return pretty(run);
    }

    /** any of the model's or the summaries' records as run.json writes its own: same layout, same numbers */
    static String pretty(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a run.json.
     *
     * @throws RunFileException when the file is not a run.json of a schema this workbench reads
     * @throws IOException      when the file cannot be read
     */
    public static Run read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new RunFileException(file + ": not a run.json (not UTF-8 text)", e);
        }
        return fromJson(text, file.toString());
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
            if (version == 1) {
                SchemaOne.upgrade((ObjectNode) tree, MAPPER, source);
                ((ObjectNode) tree).put("schema", Run.SCHEMA);
            }
            return MAPPER.treeToValue(tree, Run.class);
        } catch (JacksonException e) {
            throw new RunFileException(source + ": not a valid run.json: " + why(e), e);
        }
    }

    /** what is wrong, in the file's terms: Jackson's own messages name Java classes and JDK internals */
    private static String why(JacksonException e) {
        if (e instanceof StreamReadException r && !(e instanceof DatabindException)) {
            JsonLocation at = r.getLocation();
            return "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
        }
        String where = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof ValueInstantiationException v) {
            String in = where.isEmpty() ? "" : " in " + where;
            String cause = String.valueOf(v.getCause() == null ? null : v.getCause().getMessage());
            if (v.getCause() instanceof NullPointerException && cause.matches("\\w+")) { // Objects.requireNonNull(x, "name")
                return "field " + cause + " is missing or null" + in;
            }
            if (v.getCause() instanceof IllegalArgumentException && !cause.startsWith("No enum constant")) {
                return cause + in; // a record's own check, in its own words
            }
            return v.getCause() instanceof NullPointerException ? "a required field is missing or null" + in : "a value is not allowed" + in;
        }
        return where.isEmpty() ? "a field has a value of the wrong type" : "field " + where + " has a value of the wrong type";
    }

    /** the JSON path of a mapping error, e.g. trials[3].status */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** an OptionalDouble as a plain number; empty ones are left out by {@code @JsonInclude(NON_EMPTY)} */
    private static final class OptionalNumberWriter extends StdSerializer<OptionalDouble> {
        private static final long serialVersionUID = 1L;

        OptionalNumberWriter() {
            super(OptionalDouble.class);
        }

        @Override
        public void serialize(OptionalDouble value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                gen.writeNumber(value.getAsDouble());
            } else {
                gen.writeNull();
            }
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, OptionalDouble value) {
            return value == null || value.isEmpty();
        }
    }

    /** a number (or "NaN") as a present OptionalDouble; null or absent as an empty one */
    private static final class OptionalNumberReader extends StdDeserializer<OptionalDouble> {
        private static final long serialVersionUID = 1L;

        OptionalNumberReader() {
            super(OptionalDouble.class);
        }

        @Override
        public OptionalDouble deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return OptionalDouble.of(_parseDoublePrimitive(p, ctxt));
        }

        @Override
        public OptionalDouble getNullValue(DeserializationContext ctxt) {
            return OptionalDouble.empty();
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return OptionalDouble.empty();
        }
    }

    /** an OptionalLong as a plain integer; empty ones are left out by {@code @JsonInclude(NON_EMPTY)} */
    private static final class OptionalIntegerWriter extends StdSerializer<OptionalLong> {
        private static final long serialVersionUID = 1L;

        OptionalIntegerWriter() {
            super(OptionalLong.class);
        }

        @Override
        public void serialize(OptionalLong value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                gen.writeNumber(value.getAsLong());
            } else {
                gen.writeNull();
            }
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, OptionalLong value) {
            return value == null || value.isEmpty();
        }
    }

    /** an integer as a present OptionalLong; null or absent as an empty one */
    private static final class OptionalIntegerReader extends StdDeserializer<OptionalLong> {
        private static final long serialVersionUID = 1L;

        OptionalIntegerReader() {
            super(OptionalLong.class);
        }

        @Override
        public OptionalLong deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return OptionalLong.of(_parseLongPrimitive(p, ctxt));
        }

        @Override
        public OptionalLong getNullValue(DeserializationContext ctxt) {
            return OptionalLong.empty();
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return OptionalLong.empty();
        }
    }
}
