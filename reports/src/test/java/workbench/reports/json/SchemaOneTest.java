package workbench.reports.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workbench.reports.Reports;
import workbench.reports.compare.CompareReport;
import workbench.reports.compare.IncomparableRunsException;
import workbench.reports.compare.RunSet;
import workbench.reports.model.Rounds;
import workbench.reports.model.Run;
import workbench.reports.model.RunSettings;
import workbench.reports.model.SeriesRole;
import workbench.reports.model.Setting;
import workbench.reports.model.SettingKind;
import workbench.reports.model.StatisticsSettings;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;

/** Schema-1 run.json files, as a workbench of that schema wrote them, still read, render and compare. */
class SchemaOneTest {
    @TempDir
    Path tmp;

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(SchemaOneTest.class.getResource("/workbench/reports/json/" + name).toURI());
    }

    @Test
    void aSweepReadsIntoTypedSettings() throws Exception {
        Run run = RunJson.read(fixture("v1-sweep.json"));
        assertThat(run.schema()).isEqualTo(Run.SCHEMA);
        RunSettings s = run.manifest().settings();
        assertThat(s.ram().sizes()).containsExactly(8_388_608L);
        assertThat(s.ram().blocks()).isEqualTo(1);
        assertThat(s.ram().pageSize()).isEqualTo(4096);
        assertThat(s.ram().dup()).containsExactly(0.034);
        assertThat(s.ram().uniform()).containsExactly(0.0);
        assertThat(s.ram().dirty()).containsExactly(1.0);
        assertThat(s.ram().seed()).isEqualTo(2010);
        assertThat(s.ram().dupPolicy()).isEqualTo("zero");
        assertThat(s.networks()).containsExactly("loopback", "null");
        assertThat(s.strategies()).containsExactly("vectored", "scalar");
        assertThat(s.rounds()).isEqualTo(Rounds.fixed(2, 1));
        assertThat(s.statistics()).isEqualTo(StatisticsSettings.DEFAULT);
        assertThat(s.entries()).containsExactly(
                new Setting("batch", SettingKind.INTEGER, "vectored", List.of("32", "128")),
                Setting.of("scalar-buffer", SettingKind.SIZE, "scalar", "32768"),
                Setting.of("staging-buffer", SettingKind.SIZE, "vectored", "32768"),
                Setting.of("read-buffer", SettingKind.SIZE, "receiver", "32768"),
                Setting.of("tcp-nodelay", SettingKind.FLAG, "sender", "off"),
                Setting.of("sndbuf", SettingKind.SIZE, "sender", "auto"),
                Setting.of("rcvbuf", SettingKind.SIZE, "receiver", "auto"));
        assertThat(s.entry("batch")).hasValueSatisfying(b -> assertThat(b.swept()).isTrue());
        assertThat(run.manifest().seed()).isEqualTo(2010);
        assertThat(run.manifest().environment()).containsEntry("cpu.cores", "2");
    }

    @Test
    void settingsTextsAreWhatSchemaOneConfigurationSaid() throws Exception {
        RunSettings s = RunJson.read(fixture("v1-sweep.json")).manifest().settings();
        assertThat(s.texts()).containsExactly(Map.entry("ram", "8388608"), Map.entry("blocks", "1"),
                Map.entry("page-size", "4096"), Map.entry("dup", "0.034"), Map.entry("uniform", "0.0"),
                Map.entry("dirty", "1.0"), Map.entry("layout", "scattered"), Map.entry("content", "random"),
                Map.entry("seed", "2010"), Map.entry("dup-policy", "zero"), Map.entry("strategies", "vectored,scalar"),
                Map.entry("net", "loopback,null"), Map.entry("trials", "2"), Map.entry("warmup", "1"),
                Map.entry("batch", "32,128"), Map.entry("scalar-buffer", "32768"), Map.entry("staging-buffer", "32768"),
                Map.entry("read-buffer", "32768"), Map.entry("tcp-nodelay", "off"), Map.entry("sndbuf", "auto"),
                Map.entry("rcvbuf", "auto"));
    }

    @Test
    void statusesAndRolesFollowTheNetwork() throws Exception {
        Run run = RunJson.read(fixture("v1-sweep.json"));
        assertThat(run.trials()).hasSize(18).allSatisfy(t -> {
            boolean none = t.series().network().equals("null");
            assertThat(t.series().role()).isEqualTo(none ? SeriesRole.UNVERIFIED : SeriesRole.STRATEGY);
            assertThat(t.status()).isEqualTo(none ? TrialStatus.UNVERIFIED : TrialStatus.VERIFIED);
        });
        assertThat(run.trials()).extracting(TrialResult::series).extracting(k -> k.params().getOrDefault("batch", "-"))
                .contains("32", "128", "-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1-sweep.json", "v1-uniform.json"})
    void aVersionOneRunWritesBackAsVersionTwoAndReadsTheSame(String name) throws Exception {
        Run run = RunJson.read(fixture(name));
        String v2 = RunJson.toJson(run);
        assertThat(v2).startsWith("{\n  \"schema\" : 2,").doesNotContain("\"configuration\"", "\"VERIFIED\"");
        Run again = RunJson.fromJson(v2, "v2");
        assertThat(again).isEqualTo(run);
        assertThat(RunJson.toJson(again)).isEqualTo(v2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1-sweep.json", "v1-uniform.json"})
    void aVersionOneRunRendersEveryFormat(String name) throws Exception {
        Run run = RunJson.read(fixture(name));
        Path dir = tmp.resolve(run.id());
        Reports.writeAll(run, dir);
        Reports.writeFinal(run, dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("run.json", "trials.csv", "summary.md", "summary.json", "charts", "report.html");
        }
        assertThat(RunJson.read(dir.resolve("run.json"))).isEqualTo(run);
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("RAM content seed 2010", "dup-policy", "8388608");
        assertThat(Files.readString(dir.resolve("summary.md"), StandardCharsets.UTF_8)).contains("RAM content seed 2010");
        try (Stream<Path> charts = Files.list(dir.resolve("charts"))) {
            assertThat(charts).isNotEmpty();
        }
    }

    @Test
    void aVersionOneRunComparesWithAVersionTwoRun() throws Exception {
        Run v1 = RunJson.read(fixture("v1-uniform.json"));
        String v2Text = RunJson.toJson(v1).replace("\"id\" : \"20261201-110139-3180db\"", "\"id\" : \"v2-run\"")
                .replace("\"hostname\" : \"vm\"", "\"hostname\" : \"other\"");
        assertThat(v2Text).startsWith("{\n  \"schema\" : 2,");
        Run v2 = RunJson.fromJson(v2Text, "v2");
        RunSet set = RunSet.of(List.of(v1, v2), RunSet.RamCheck.REJECT);
        assertThat(set.differing()).as("the settings read from schema 1 equal the schema-2 ones").containsExactly("hostname");
        assertThat(set.members()).extracting(RunSet.Member::group).containsExactly("hostname=vm", "hostname=other");
        new CompareReport().write(set, tmp);
        assertThat(tmp.resolve(CompareReport.FILE_NAME)).isNotEmptyFile();
    }

    @Test
    void versionOneRunsWithDifferentRamAreRefused() throws Exception {
        Run sweep = RunJson.read(fixture("v1-sweep.json"));
        Run uniform = RunJson.read(fixture("v1-uniform.json"));
        assertThatThrownBy(() -> RunSet.of(List.of(sweep, uniform), RunSet.RamCheck.REJECT))
                .isInstanceOf(IncomparableRunsException.class).hasMessageContaining("uniform: 0.0 vs 0.05");
    }

    @Test
    void unknownOptionsBecomeTextSettingsOfTheRunAndSizesMayBeTyped() throws IOException, URISyntaxException {
        String v1 = Files.readString(fixture("v1-uniform.json"), StandardCharsets.UTF_8)
                .replace("\"ram\" : 8388608", "\"ram\" : [\"8M\", \"1G\"]")
                .replace("\"dup\" : 0.034", "\"dup\" : \"3.4%\"")
                .replace("\"warmup\" : 0", "\"warmup\" : 0, \"note\": \"a, b\", \"ci-target\": 0.02, \"max-trials\": 9,"
                        + " \"tcp-nodelay\" : [true, false]")
                .replace("\"tcp-nodelay\" : \"off\",", "");
        RunSettings s = RunJson.fromJson(v1, "old.json").manifest().settings();
        assertThat(s.ram().sizes()).containsExactly(8L << 20, 1L << 30);
        assertThat(s.ram().dup()).containsExactly(0.034);
        assertThat(s.rounds().ciTarget()).hasValue(0.02);
        assertThat(s.rounds().maxTrials()).isEqualTo(9);
        assertThat(s.entry("note")).contains(Setting.of("note", SettingKind.TEXT, "run", "a, b"));
        assertThat(s.entry("tcp-nodelay")).contains(new Setting("tcp-nodelay", SettingKind.FLAG, "sender", List.of("on", "off")));
        assertThat(s.texts()).containsEntry("ci-target", "0.02").containsEntry("max-trials", "9");
    }

    @Test
    void aVersionOneFileWithoutACoreSettingFailsWithOneLine() throws Exception {
        String v1 = Files.readString(fixture("v1-uniform.json"), StandardCharsets.UTF_8).replace("\"trials\" : 2,", "");
        assertThatThrownBy(() -> RunJson.fromJson(v1, "old.json")).isInstanceOf(RunFileException.class)
                .hasMessage("old.json: run.json schema 1 cannot be read: the configuration has no \"trials\";"
                        + " was it written by this workbench?");
    }
}
