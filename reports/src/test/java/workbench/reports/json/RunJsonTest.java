package workbench.reports.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.reports.Golden;
import workbench.reports.model.Counts;
import workbench.reports.model.Cpu;
import workbench.reports.model.Manifest;
import workbench.reports.model.Rounds;
import workbench.reports.model.Run;
import workbench.reports.model.RunSettings;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.SeriesRole;
import workbench.reports.model.SettingKind;
import workbench.reports.model.StubRun;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;

class RunJsonTest {
    @TempDir
    Path tmp;

    @Test
    void formatIsSealedAndLocaleFree() {
        Golden.underGermanLocale(() -> Golden.assertMatches("/workbench/reports/json/run.json",
                RunJson.toJson(StubRun.create())));
    }

    @Test
    void roundTripsTheStubRun() throws IOException {
        Run run = StubRun.create();
        Path file = tmp.resolve("run.json");
        RunJson.write(run, file);
        assertThat(RunJson.read(file)).isEqualTo(run);
    }

    @Test
    void roundTripsSweptParamsAbsentFieldsAndNaN() {
        TrialResult odd = new TrialResult(0, 0, false, new SeriesKey("vectored", "link:gbe", Map.of("batch", "64")),
                TrialStatus.FAILED, "connection reset, \"peer\" gone", "2026-01-01T00:00:00Z", Double.NaN, Double.NaN,
                new Counts(0, 0, 0, 0, 0, 0, 0), Cpu.NONE, Cpu.NONE, 0, 0, 0, 0.0);
        Run run = StubRun.of(List.of(odd)).failed("receiver died");
        String json = RunJson.toJson(run);
        assertThat(RunJson.fromJson(json, "test")).isEqualTo(run);
        assertThat(json).contains("\"complete\" : false").contains("\"error\" : \"receiver died\"")
                .contains("\"sendSeconds\" : \"NaN\"");
    }

    @Test
    void mispredictionsAndPeakRssRoundTripAndTrialsWithoutThemReadAsAbsent() {
        TrialResult plain = StubRun.simple(0, SeriesKey.of("vectored", "loopback"), TrialStatus.VERIFIED, 0.5);
        TrialResult sides = StubRun.withSides(plain, 523, 9L << 30, 8L << 30);
        Run run = StubRun.of(List.of(sides, StubRun.withSides(plain, -1, 5L << 30, -1)));
        String json = RunJson.toJson(run);
        assertThat(RunJson.fromJson(json, "test")).isEqualTo(run);
        assertThat(json).contains("\"mispredictions\" : 523", "\"senderPeakRss\" : 9663676416",
                "\"receiverPeakRss\" : 8589934592").doesNotContain(": null");
        assertThat(json.split("\"mispredictions\"", -1)).as("left out where absent").hasSize(2);

        // a file written before these fields existed: read as absent, written back without them
        String older = RunJson.toJson(StubRun.of(List.of(plain)));
        assertThat(older).doesNotContain("mispredictions").doesNotContain("PeakRss");
        TrialResult read = RunJson.fromJson(older, "older").trials().get(0);
        assertThat(read.mispredictions()).isEmpty();
        assertThat(read.senderPeakRss()).isEmpty();
        assertThat(read.receiverPeakRss()).isEmpty();
        assertThat(RunJson.toJson(RunJson.fromJson(older, "older"))).isEqualTo(older);
    }

    @Test
    void absentOptionalFieldsAreLeftOut() {
        String json = RunJson.toJson(StubRun.create());
        assertThat(json).doesNotContain("\"error\"").doesNotContain(": null").doesNotContain("\"failure\" : null");
        assertThat(json).startsWith("{\n  \"schema\" : 2,\n  \"id\" : ");
        assertThat(json).doesNotContain("\"ciTarget\"").contains("\"maxTrials\" : 10");
    }

    @Test
    void aStoredVersionTwoFileRoundTripsExactly() throws Exception {
        Path stored = Path.of(RunJsonTest.class.getResource("/workbench/reports/json/run.json").toURI());
        String text = Files.readString(stored, StandardCharsets.UTF_8);
        Run run = RunJson.read(stored);
        assertThat(run.schema()).isEqualTo(2);
        assertThat(RunJson.toJson(run)).isEqualTo(text);
        Path copy = tmp.resolve("run.json");
        RunJson.write(run, copy);
        assertThat(Files.readString(copy, StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void aVersionTwoFileFromBeforeSendfileCountsReadsAsNoSendfileCalls() throws Exception {
        Path stored = Path.of(RunJsonTest.class.getResource("/workbench/reports/json/run.json").toURI());
        String older = Files.readString(stored, StandardCharsets.UTF_8).replaceAll(",\n *\"sendfileCalls\" : \\d+", "");
        assertThat(older).doesNotContain("sendfileCalls").contains("\"bytesCopied\"");
        Run run = RunJson.fromJson(older, "older run.json");
        assertThat(run.trials()).isNotEmpty().allSatisfy(t -> assertThat(t.counts().sendfileCalls()).isZero());
        assertThat(run).isEqualTo(RunJson.read(stored));
    }

    @Test
    void versionTwoWritesLowerCaseEnumsTypedSettingsAndNoUntypedConfiguration() throws IOException {
        String json = RunJson.toJson(StubRun.create());
        assertThat(json).contains("\"status\" : \"verified\"", "\"status\" : \"unverified\"",
                "\"status\" : \"failed\"", "\"role\" : \"strategy\"", "\"role\" : \"unverified\"",
                "\"kind\" : \"integer\"", "\"settings\" : {", "\"sizes\" : [", "\"dupPolicy\" : \"zero\"")
                .doesNotContain("\"configuration\"", "VERIFIED", "\"STRATEGY\"");
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.path("manifest").fieldNames()).toIterable()
                .containsExactly("commandLine", "workbench", "settings", "environment");
        assertThat(tree.path("manifest").path("settings").fieldNames()).toIterable()
                .containsExactly("ram", "networks", "strategies", "rounds", "statistics", "entries");
    }

    @Test
    void anAdaptiveRunWritesItsCiTargetAsANumberAndReadsItBack() {
        Run stub = StubRun.create();
        RunSettings s = stub.manifest().settings();
        RunSettings adaptive = new RunSettings(s.ram(), s.networks(), s.strategies(),
                new Rounds(10, 2, OptionalDouble.of(0.02), 50), s.statistics(), s.entries());
        Run run = new Run(stub.schema(), stub.id(), new Manifest(stub.manifest().commandLine(),
                stub.manifest().workbench(), adaptive, stub.manifest().environment()), stub.trials(), true, null);
        String json = RunJson.toJson(run);
        assertThat(json).contains("\"ciTarget\" : 0.02,\n        \"maxTrials\" : 50");
        Run back = RunJson.fromJson(json, "test");
        assertThat(back).isEqualTo(run);
        assertThat(back.manifest().settings().rounds().ciTarget()).hasValue(0.02);
    }

    @Test
    void statusesAndRolesReadInEitherCase() {
        String json = RunJson.toJson(StubRun.create()).replace("\"verified\"", "\"VERIFIED\"")
                .replace("\"role\" : \"strategy\"", "\"role\" : \"STRATEGY\"");
        assertThat(RunJson.fromJson(json, "test")).isEqualTo(StubRun.create());
        assertThat(TrialStatus.of("failed")).isEqualTo(TrialStatus.FAILED);
        assertThat(SeriesRole.of("CEILING")).isEqualTo(SeriesRole.CEILING);
        assertThat(SettingKind.of("duration")).isEqualTo(SettingKind.DURATION);
    }

    @Test
    void aVersionTwoSeriesWithoutARoleIsRefused() {
        String json = RunJson.toJson(StubRun.create()).replace("\"role\" : \"strategy\",", "");
        assertThatThrownBy(() -> RunJson.fromJson(json, "r.json")).isInstanceOf(RunFileException.class)
                .hasMessageStartingWith("r.json: not a valid run.json: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = tmp.resolve("run.json");
        Files.writeString(file, "old");
        Run run = StubRun.create();
        RunJson.write(run, file);
        RunJson.write(run.failed("stopped"), file);
        assertThat(RunJson.read(file).failure()).contains("stopped");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void newerSchemaFailsWithOneClearLine() throws IOException {
        Path file = tmp.resolve("run.json");
        Files.writeString(file, RunJson.toJson(StubRun.create()).replace("\"schema\" : 2", "\"schema\" : 3"),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RunJson.read(file))
                .isInstanceOf(RunFileException.class).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": run.json schema 3 is newer than this workbench reads (2); use a newer workbench to read it");
        assertThatThrownBy(() -> RunJson.fromJson("{\"schema\": 0}", "z.json"))
                .hasMessage("z.json: run.json schema 0 is not a known schema");
    }

    @Test
    void missingSchemaOrBrokenJsonFailsWithOneLine() {
        assertThatThrownBy(() -> RunJson.fromJson("{\"id\": \"x\"}", "a.json"))
                .isInstanceOf(RunFileException.class)
                .hasMessage("a.json: not a run.json (no integer \"schema\" field)");
        assertThatThrownBy(() -> RunJson.fromJson("{\"schema\": 1, \"trials\": [", "b.json"))
                .isInstanceOf(RunFileException.class)
                .hasMessageStartingWith("b.json: not a valid run.json: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> RunJson.fromJson("[1, 2]", "c.json"))
                .hasMessage("c.json: not a run.json (expected a JSON object)");
    }

    /** issue 10, defect 11: a malformed run.json is named in the file's terms, never in Java's */
    @Test
    void malformedFilesAreOneLineWithoutJavaInternals() throws IOException {
        String good = RunJson.toJson(StubRun.create());
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("not UTF-8", "\u00ff\u00fe\u00fd");
        cases.put("field manifest is missing", "{\"schema\":2,\"id\":\"x\",\"trials\":[]}");
        cases.put("field id is missing", "{\"schema\":2,\"trials\":[]}");
        cases.put("a value is not allowed in trials[0].status", good.replaceFirst("\"status\" : \"\\w+\"", "\"status\" : \"zzz\""));
        cases.put("malformed JSON at line", "{\"schema\":2,");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = tmp.resolve("bad.json");
            byte[] bytes = c.getKey().equals("not UTF-8") ? new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xfd}
                    : c.getValue().getBytes(StandardCharsets.UTF_8);
            Files.write(file, bytes);
            assertThatThrownBy(() -> RunJson.read(file)).as(c.getKey()).isInstanceOf(RunFileException.class)
                    .hasMessageContaining(c.getKey())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("java.", "workbench.", "Input length", "Cannot invoke",
                            "No enum constant", "`").hasLineCount(1));
        }
    }
}
