package workbench.reports.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.reports.Golden;
import workbench.reports.model.Counts;
import workbench.reports.model.Cpu;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesKey;
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
    void absentOptionalFieldsAreLeftOut() {
        String json = RunJson.toJson(StubRun.create());
        assertThat(json).doesNotContain("\"error\"").doesNotContain(": null").doesNotContain("\"failure\" : null");
        assertThat(json).startsWith("{\n  \"schema\" : 1,\n  \"id\" : ");
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
        Files.writeString(file, RunJson.toJson(StubRun.create()).replace("\"schema\" : 1", "\"schema\" : 2"),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RunJson.read(file))
                .isInstanceOf(RunFileException.class).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": run.json schema 2 is newer than this workbench reads (1); use a newer workbench to read it");
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
}
