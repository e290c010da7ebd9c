package workbench.reports.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbench.reports.Golden;
import workbench.reports.compare.RunSet;
import workbench.reports.model.Manifest;
import workbench.reports.model.Run;
import workbench.reports.model.StubRun;
import workbench.reports.model.SweepRun;

/** Real run.json and summary.json files validate against the shipped schemas, and broken ones do not. */
class SchemaValidationTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static Schema schema(String name) throws IOException {
        return REGISTRY.getSchema(SchemaFilesTest.shipped(name));
    }

    private static List<String> errors(String schemaName, String json) throws IOException {
        return schema(schemaName).validate(RunJsonMapper.tree(json)).stream().map(Error::toString).toList();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = SchemaValidationTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void recordedRunJsonFilesValidate() throws IOException {
        String recorded = resource("/workbench/reports/json/run.json");
        assertThat(RunJsonMapper.tree(recorded).get("schema").asInt()).isEqualTo(Run.SCHEMA);
        assertThat(errors("run.schema.json", recorded)).isEmpty();
        assertThat(errors("run.schema.json", RunJson.toJson(StubRun.create()))).isEmpty();
        assertThat(errors("run.schema.json", RunJson.toJson(SweepRun.create()))).isEmpty();
    }

    /** runs of this workbench as they came: a pre-copy workload (live figures) and multifd (per-channel counts) */
    @Test
    void realRunsAndTheirSummariesValidate() throws IOException {
        for (String file : List.of("/workbench/reports/json/real-precopy.json", "/workbench/reports/json/real-multifd.json")) {
            String recorded = resource(file);
            assertThat(errors("run.schema.json", recorded)).as(file).isEmpty();
            Run run = RunJson.fromJson(recorded, file);
            assertThat(errors("run.schema.json", RunJson.toJson(run))).as("%s written back", file).isEmpty();
            assertThat(errors("summary.schema.json", RunJson.pretty(new SummaryJson().of(run)))).as(file).isEmpty();
        }
    }

    @Test
    void aSchemaOneRunReadAndWrittenBackValidates() throws IOException {
        for (String file : List.of("/workbench/reports/json/v1-sweep.json", "/workbench/reports/json/v1-uniform.json",
                "/workbench/reports/html/run.json")) {
            assertThat(errors("run.schema.json", resource(file))).as("%s as written, schema 1", file).isNotEmpty();
            Run upgraded = RunJson.fromJson(resource(file), file);
            assertThat(errors("run.schema.json", RunJson.toJson(upgraded))).as(file).isEmpty();
        }
    }

    @Test
    void aRunJsonMissingAFieldOrWithAWrongTypeIsRefused() throws IOException {
        ObjectNode run = (ObjectNode) RunJsonMapper.tree(RunJson.toJson(StubRun.create()));
        ((ObjectNode) run.get("trials").get(0)).remove("sendSeconds");
        ((ObjectNode) run.get("trials").get(1)).put("status", "VERIFIED?");
        ((ObjectNode) run.get("trials").get(2).get("counts")).put("streamBytes", "many");

        assertThat(String.join("\n", errors("run.schema.json", run.toString())))
                .contains("sendSeconds", "/trials/1/status", "/trials/2/counts/streamBytes");
    }

    @Test
    void summaryJsonOfARunAndOfASweepValidate() throws IOException {
        for (Run run : List.of(StubRun.create(), SweepRun.create())) {
            String json = RunJson.pretty(new SummaryJson().of(run));
            assertThat(errors("summary.schema.json", json)).as(run.id()).isEmpty();
        }
    }

    @Test
    void summaryJsonIsSealedByItsGoldenFile() {
        Golden.underGermanLocale(() -> Golden.assertMatches("/workbench/reports/json/summary.json",
                RunJson.pretty(new SummaryJson().of(StubRun.create()))));
    }

    @Test
    void theGoldenSummaryJsonValidatesAndABrokenOneDoesNot() throws IOException {
        String golden = resource("/workbench/reports/json/summary.json");
        assertThat(errors("summary.schema.json", golden)).isEmpty();

        ObjectNode broken = (ObjectNode) RunJsonMapper.tree(golden);
        ((ObjectNode) broken.get("pairs").get(0).get("time")).put("outcome", "faster");
        ((ObjectNode) broken.get("series").get(0).get("metrics").get("sendSeconds")).remove("median");
        assertThat(String.join("\n", errors("summary.schema.json", broken.toString())))
                .contains("/pairs/0/time/outcome", "median");
    }

    @Test
    void compareSummaryJsonValidates() throws IOException {
        RunSet set = RunSet.of(List.of(host(StubRun.create(), "run-a", "alpha"),
                host(StubRun.create(new java.util.Random(99)), "run-b", "beta")), RunSet.RamCheck.REJECT);
        String json = RunJson.pretty(new SummaryJson().of(set));

        assertThat(errors("compare-summary.schema.json", json)).isEmpty();
        JsonNode tree = RunJsonMapper.tree(json);
        assertThat(tree.get("groups")).hasSize(2);
        assertThat(tree.get("deltas")).isNotEmpty();
        assertThat(tree.at("/deltas/0/ci/low").isNumber()).isTrue();
    }

    /** the stub run under another id, on a host of another name: what compare groups by */
    private static Run host(Run run, String id, String host) {
        Map<String, String> env = new LinkedHashMap<>(run.manifest().environment());
        env.put("host", host);
        Manifest m = new Manifest(run.manifest().commandLine(), run.manifest().workbench(), run.manifest().settings(), env);
        return new Run(run.schema(), id, m, run.trials(), run.complete(), null);
    }
}
