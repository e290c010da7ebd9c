package workbench.reports;

import workbench.reports.model.TrialStatus;
import workbench.reports.model.SeriesKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.reports.json.RunJson;
import workbench.reports.model.Run;
import workbench.reports.model.StubRun;
import workbench.reports.table.SummaryMarkdown;
import workbench.reports.table.TrialsCsv;

class ReportsTest {
    @TempDir
    Path tmp;

    @Test
    void writeAllWritesTheFourFilesAndNothingElse() throws IOException {
        Run run = StubRun.create();
        Path dir = tmp.resolve("results/" + run.id());
        Reports.writeAll(run, dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("run.json", "trials.csv", "summary.md", "summary.json");
        }
        assertThat(RunJson.read(dir.resolve("run.json"))).isEqualTo(run);
        assertThat(Files.readString(dir.resolve("trials.csv"), StandardCharsets.UTF_8)).isEqualTo(TrialsCsv.render(run));
        assertThat(Files.readString(dir.resolve("summary.md"), StandardCharsets.UTF_8))
                .isEqualTo(new SummaryMarkdown().render(run));
        assertThat(Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8)).startsWith("{\n  \"schema\" : 1,")
                .contains("\"runId\" : \"" + run.id() + "\"");
    }

    @Test
    void writingAfterEveryTrialReplacesTheFiles() throws IOException {
        Run full = StubRun.create();
        Run partial = StubRun.of(List.of());
        for (var t : full.trials().subList(0, 12)) {
            partial = partial.with(t);
            Reports.writeAll(partial, tmp);
        }
        assertThat(RunJson.read(tmp.resolve("run.json")).trials()).hasSize(12);
        assertThat(Files.readAllLines(tmp.resolve("trials.csv"))).hasSize(13);
    }

    @Test
    void everyFormatHasADistinctFileAndAWriter() {
        assertThat(Stream.of(ReportFormat.values()).map(ReportFormat::fileName)).doesNotHaveDuplicates();
        assertThat(Stream.of(ReportFormat.values()).map(ReportFormat::writer)).doesNotContainNull();
        assertThat(java.util.EnumSet.copyOf(ReportFormat.DEFAULT)).containsExactly(ReportFormat.RUN_JSON,
                ReportFormat.TRIALS_CSV, ReportFormat.SUMMARY_MD, ReportFormat.SUMMARY_JSON);
        assertThat(ReportFormat.FINAL).containsExactlyInAnyOrder(ReportFormat.CHARTS, ReportFormat.REPORT_HTML);
    }

    @Test
    void writeFinalAddsTheChartsAndTheHtmlReport() throws IOException {
        Run run = StubRun.create();
        Reports.writeFinal(run, tmp);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("run.json", "trials.csv", "summary.md", "summary.json", "charts", "report.html");
        }
        try (Stream<Path> files = Files.list(tmp.resolve("charts"))) {
            assertThat(files).as("6 charts, each as PNG and SVG").hasSize(12);
        }
    }

    @Test
    void aRunWhoseEveryTrialFailedStillGetsItsReport() throws IOException {
        SeriesKey key = SeriesKey.of("scalar", "loopback");
        Run run = StubRun.of(List.of(StubRun.simple(0, key, TrialStatus.FAILED, 0.1),
                StubRun.simple(1, key, TrialStatus.FAILED, 0.1)));
        Path dir = tmp.resolve("failed");
        Reports.writeFinal(run, dir);
        assertThat(dir.resolve("report.html")).exists();
        assertThat(Files.readString(dir.resolve("report.html"))).contains("FAILED");
    }

    @Test
    void writeDerivedLeavesRunJsonAlone() throws IOException {
        Run run = StubRun.create();
        Reports.writeDerived(run, tmp);
        assertThat(tmp.resolve("run.json")).doesNotExist();
        assertThat(tmp.resolve("report.html")).isNotEmptyFile();
        assertThat(tmp.resolve("summary.md")).isNotEmptyFile();
        assertThat(tmp.resolve("trials.csv")).isNotEmptyFile();
    }

    @Test
    void seedTableIsSealed() {
        Golden.underGermanLocale(() -> Golden.assertMatches("/workbench/reports/seed-table.txt",
                Reports.seedTable(StubRun.create())));
    }
}
