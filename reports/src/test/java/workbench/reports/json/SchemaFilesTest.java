package workbench.reports.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped schemas cannot go stale: each must equal what the generator makes from today's
 * records. After changing a record, run with {@code -Dschema.update=true} to rewrite them (then read
 * the diff, and raise the schema version if a field was renamed, removed or re-interpreted).
 */
class SchemaFilesTest {
    @Test
    void shippedSchemasAreWhatTheRecordsGenerate() throws IOException {
        for (Map.Entry<String, Class<?>> e : JsonSchemas.FILES.entrySet()) {
            String generated = JsonSchemas.generate(e.getValue());
            if (Boolean.getBoolean("schema.update")) {
                Path file = Path.of("src/main/resources", JsonSchemas.DIR, e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, generated, StandardCharsets.UTF_8);
                continue;
            }
            assertThat(shipped(e.getKey())).as("%s%s is what the records generate (regenerate it with -Dschema.update=true)",
                    JsonSchemas.DIR, e.getKey()).isEqualTo(generated);
        }
    }

    @Test
    void schemasRequireTheFieldsAlwaysWrittenAndNotTheOptionalOnes() throws IOException {
        var run = RunJsonMapper.tree(shipped("run.schema.json"));
        var trial = run.at("/$defs/TrialResult");
        assertThat(trial.path("required")).extracting(Object::toString)
                .asString().contains("\"sendSeconds\"", "\"counts\"", "\"status\"").doesNotContain("\"failure\"",
                        "\"mispredictions\"", "\"senderPeakRss\"", "\"fork\"");
        assertThat(run.at("/$defs/TrialStatus/enum").toString()).isEqualTo("[\"verified\",\"unverified\",\"failed\"]");
        assertThat(run.at("/properties/error").isMissingNode()).isFalse();
        assertThat(run.path("required").toString()).doesNotContain("\"error\"").contains("\"manifest\"");
        var summary = RunJsonMapper.tree(shipped("summary.schema.json"));
        assertThat(summary.at("/$defs/Outcome/enum").toString())
                .isEqualTo("[\"too-few-rounds\",\"equivalent\",\"no-difference\",\"small-difference\",\"claim\"]");
    }

    static String shipped(String name) throws IOException {
        try (InputStream in = SchemaFilesTest.class.getResourceAsStream("/" + JsonSchemas.DIR + name)) {
            assertThat(in).as("%s%s in the jar (create it with -Dschema.update=true)", JsonSchemas.DIR, name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
