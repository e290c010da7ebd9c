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
import workbench.reports.chart.Figure;
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
                "chart-time", "chart-throughput", "chart-cpu", "chart-deltas", "deltas", "manifest-1", "manifest-2", "rerun-1", "rerun-2");
        assertThat(Pages.headers(doc, "table-runs")).containsExactly("group", "run", "state", "trials", "host");
        assertThat(Pages.text(doc, "table-relative")).contains("host=alpha", "host=beta", "vectored vs scalar");
        assertThat(Pages.text(doc, "table-seed")).contains("host=alpha", "host=beta", "time (sec)");
        assertThat(Pages.text(doc, "warnings")).contains("host=alpha · run", "FAILED_TRIALS");
        try (var charts = Files.list(tmp.resolve("charts"))) {
            assertThat(charts).as("4 charts (deltas too), PNG and SVG").hasSize(8);
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

    @Test
    void eachSeriesOfALaterRunIsSetAgainstTheSameSeriesOfTheFirst() {
        List<RunDelta> deltas = RunDelta.of(set);
        assertThat(deltas).hasSize(4); // loopback and null, scalar and vectored
        RunDelta d = deltas.get(0);
        assertThat(d.reference()).isEqualTo("host=alpha");
        assertThat(d.group()).isEqualTo("host=beta");
        assertThat(d.ours().key()).isEqualTo(d.theirs().key());
        double theirs = workbench.reports.stats.Summary.of(d.theirs().values(workbench.reports.stats.Metric.SEND_SECONDS)).mean();
        double ours = workbench.reports.stats.Summary.of(d.ours().values(workbench.reports.stats.Metric.SEND_SECONDS)).mean();
        assertThat(d.ratio()).isEqualTo(theirs / ours);
        assertThat(d.ci().contains(d.ratio())).isTrue();
        assertThat(d.sentence()).startsWith("host=beta: loopback scalar runs at ").contains("× the speed of loopback scalar (host=alpha)", "95% CI", "unpaired");
        var console = workbench.reports.table.TableWriter.console().render(CompareTables.console(set));
        assertThat(console).contains("vs first run", "reference", "host=beta").hasLineCount(9);
        assertThat(new CompareReport().figures(set)).extracting(Figure::name).contains("deltas");
    }

    @Test
    void runsOnDifferentNetworksAreNamedByTheNetworkAndMeetByStrategy() {
        Run loopback = RunSetTest.with(StubRun.create(), "l", s -> new workbench.reports.model.RunSettings(s.ram(),
                List.of("loopback"), s.strategies(), s.rounds(), s.statistics(), s.entries()), Map.of("network.loopback", "TCP over 127.0.0.1"));
        Run unix = RunSetTest.with(StubRun.create(new java.util.Random(5)), "u", s -> new workbench.reports.model.RunSettings(s.ram(),
                List.of("unix"), s.strategies(), s.rounds(), s.statistics(), s.entries()), Map.of("network.unix", "Unix-domain socket"));
        RunSet mixed = RunSet.of(List.of(loopback, unix), RunSet.RamCheck.REJECT);
        assertThat(mixed.members()).extracting(RunSet.Member::group).containsExactly("net=loopback", "net=unix");
        CategoryChart time = (CategoryChart) new CompareReport().figures(mixed).get(0).chart();
        assertThat(time.getSeriesMap().values()).allSatisfy(s -> assertThat(s.getXData()).isNotEmpty());
        assertThat(time.getSeriesMap().get("scalar").getXData()).extracting(Object::toString).allSatisfy(x -> assertThat(x).hasSizeLessThan(40));
    }
}
