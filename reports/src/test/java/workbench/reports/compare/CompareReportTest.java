package workbench.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.w3c.dom.Document;
import workbench.reports.html.Pages;
import workbench.reports.model.Run;
import workbench.reports.model.StubRun;

class CompareReportTest {
    @TempDir
    Path tmp;

    private final RunSet set = RunSet.of(List.of(
            RunSetTest.with(StubRun.create(), "run-a", UnaryOperator.identity(), Map.of("host", "alpha")),
            RunSetTest.with(StubRun.create(new java.util.Random(99)), "run-b", UnaryOperator.identity(),
                    Map.of("host", "beta"))), RunSet.RamCheck.REJECT);

    @Test
    void groupsAreTheXAxisAndStrategiesTheSeries() {
        CategoryChart time = (CategoryChart) new CompareReport().figures(set).get(0).chart();
        assertThat(time.getSeriesMap()).containsOnlyKeys("scalar", "vectored");
        assertThat(time.getSeriesMap().get("scalar").getXData()).extracting(Object::toString).containsExactly(
                "host=alpha · loopback", "host=alpha · null (unverified)", "host=beta · loopback",
                "host=beta · null (unverified)");
    }

    @Test
    void onePageHoldsBothRunsTheirRelativeResultsAndManifests() throws Exception {
        new CompareReport().write(set, tmp);
        String html = Files.readString(tmp.resolve(CompareReport.FILE_NAME), StandardCharsets.UTF_8);
        Document doc = Pages.parse(html);
        Pages.assertSelfContained(html, doc);
        assertThat(Pages.ids(doc)).contains("table-runs", "table-relative", "table-seed", "table-statistics",
                "chart-time", "chart-throughput", "chart-cpu", "manifest-1", "manifest-2", "rerun-1", "rerun-2");
        assertThat(Pages.headers(doc, "table-runs")).containsExactly("group", "run", "state", "trials", "host");
        assertThat(Pages.text(doc, "table-relative")).contains("host=alpha", "host=beta", "vectored vs scalar");
        assertThat(Pages.text(doc, "table-seed")).contains("host=alpha", "host=beta", "time (sec)");
        assertThat(Pages.text(doc, "warnings")).contains("host=alpha · run", "FAILED_TRIALS");
        try (var charts = Files.list(tmp.resolve("charts"))) {
            assertThat(charts).as("3 charts, PNG and SVG").hasSize(6);
        }
    }

    @Test
    void allowedDifferentRamShowsAsAWarning() throws Exception {
        Run small = RunSetTest.with(StubRun.create(), "s", RunSetTest.ram(512L << 20), Map.of());
        Run large = RunSetTest.with(StubRun.create(), "l", RunSetTest.ram(1L << 30), Map.of());
        RunSet mixed = RunSet.of(List.of(small, large), RunSet.RamCheck.WARN);
        Document doc = Pages.parse(new CompareReport().render(mixed, List.of()));
        assertThat(Pages.text(doc, "warnings")).contains("INCOMPARABLE_RUNS", "ram: 536870912 vs 1073741824");
    }
}
