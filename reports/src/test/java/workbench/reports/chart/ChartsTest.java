package workbench.reports.chart;

import java.util.Map;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.TrialStatus;
import workbench.reports.model.TrialResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import workbench.reports.model.Run;
import workbench.reports.model.StubRun;
import workbench.reports.model.SweepRun;
import workbench.reports.stats.Metric;
import workbench.reports.stats.Series;
import workbench.reports.stats.SeriesSummary;

class ChartsTest {
    @TempDir
    Path tmp;

    private final Run stub = StubRun.create();
    private final List<SeriesSummary> summaries = SeriesSummary.of(stub);

    @Test
    void timeBarsHaveOneSeriesPerStrategyAndOneCategoryPerNetworkWithCiErrorBars() {
        CategoryChart chart = Charts.time(summaries);
        assertThat(chart.getSeriesMap()).containsOnlyKeys("scalar", "vectored");
        CategorySeries scalar = chart.getSeriesMap().get("scalar");
        assertThat(scalar.getXData()).extracting(Object::toString).containsExactly("loopback", "null (unverified)");
        SeriesSummary loopbackScalar = summaries.get(0);
        assertThat(scalar.getYData().iterator().next().doubleValue()).isEqualTo(loopbackScalar.sendTime().mean());
        assertThat(scalar.getExtraValues().iterator().next().doubleValue()).isEqualTo(loopbackScalar.sendTime().ci().halfWidth());
    }

    @Test
    void throughputAndCpuCharts() {
        assertThat(Charts.throughput(summaries).getSeriesMap()).containsOnlyKeys("scalar", "vectored");
        CategoryChart cpu = Charts.cpuPerGib(summaries);
        assertThat(cpu.getSeriesMap()).containsOnlyKeys(Metric.SENDER_THREAD_CPU_PER_GIB.label(),
                Metric.SENDER_PROCESS_CPU_PER_GIB.label(), Metric.RECEIVER_PROCESS_CPU_PER_GIB.label());
        assertThat(cpu.getSeriesMap().get("receiver process CPU").getXData()).hasSize(4);
    }

    @Test
    void trialsInOrderKeepsWarmupAndFailedTrialsApart() {
        XYChart chart = Charts.trialsInOrder(stub);
        assertThat(chart.getSeriesMap()).containsOnlyKeys("warm-up", "failed", "loopback scalar", "loopback vectored",
                "null scalar (unverified)", "null vectored (unverified)");
        assertThat(chart.getSeriesMap().get("warm-up").getXData()).hasSize(StubRun.WARMUP_ROUNDS * 4);
        assertThat(chart.getSeriesMap().get("failed").getXData()).hasSize(1);
        assertThat(chart.getSeriesMap().values().stream().mapToInt(s -> s.getXData().length).sum())
                .isEqualTo(stub.trials().size());
    }

    @Test
    void distributionHasOneBoxPerSeries() {
        BoxChart chart = Charts.distribution(Series.of(stub));
        assertThat(chart.getSeriesMap()).containsOnlyKeys("loopback scalar", "loopback vectored",
                "null scalar (unverified)", "null vectored (unverified)");
        assertThat(chart.getStyler().getBoxplotCalCulationMethod()).isEqualTo(Charts.QUARTILES);
    }

    @Test
    void aSweptSettingGetsLinesPerStrategyAgainstIt() {
        List<SeriesSummary> swept = SeriesSummary.of(SweepRun.create());
        assertThat(Charts.sweptParams(swept)).containsOnlyKeys("batch");
        XYChart chart = Charts.sweep(swept, "batch", Metric.SEND_SECONDS);
        assertThat(chart.getSeriesMap()).containsOnlyKeys("scalar", "vectored");
        XYSeries vectored = chart.getSeriesMap().get("vectored");
        assertThat(vectored.getXData()).as("batch 1, 8, 64 evenly spaced, each on its tick").containsExactly(1, 2, 3);
        assertThat(vectored.getYData()[2]).isLessThan(vectored.getYData()[0]);
        assertThat(java.util.Arrays.stream(vectored.getExtraValues())).as("error bars").allSatisfy(e -> assertThat(e).isPositive());
        assertThat(chart.getStyler().isXAxisLogarithmic()).isFalse();
        assertThat(chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(2.0)).isEqualTo("8");
        assertThat(chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(1.5)).matches("\u200B+");
        assertThat(Sweep.number("25%")).isEqualTo(0.25);
        assertThat(Sweep.number("32K")).isEqualTo(32768);
        assertThat(Sweep.number("fast")).isNaN();
    }

    @Test
    void aSeriesTheSweepDoesNotApplyToIsAFlatReference() {
        List<TrialResult> trials = new java.util.ArrayList<>();
        for (int round = 0; round < 3; round++) {
            trials.add(StubRun.simple(round, new SeriesKey("vectored", "loopback", Map.of("batch", "8")), TrialStatus.VERIFIED, 0.30));
            trials.add(StubRun.simple(round, new SeriesKey("vectored", "loopback", Map.of("batch", "128")), TrialStatus.VERIFIED, 0.20));
            trials.add(StubRun.simple(round, SeriesKey.of("scalar", "loopback"), TrialStatus.VERIFIED, 0.25));
        }
        XYChart chart = Charts.sweep(SeriesSummary.of(StubRun.of(trials)), "batch", Metric.SEND_SECONDS);
        assertThat(chart.getSeriesMap()).containsOnlyKeys("vectored", "scalar (no batch)");
        XYSeries scalar = chart.getSeriesMap().get("scalar (no batch)");
        assertThat(scalar.getXData()).as("a dashed line across both values").containsExactly(0.75, 2.25);
        assertThat(scalar.getYData()).containsExactly(0.25, 0.25);
        assertThat(scalar.getExtraValues()).as("one measurement: no error bar per value").isNull();
        assertThat(scalar.getLineColor()).isEqualTo(Palette.of("scalar"));
    }

    @Test
    void axisNumbersIgnoreTheDefaultLocale() {
        assertThat(java.util.Locale.getDefault().getLanguage()).as("surefire runs under a comma-decimal locale")
                .isIn("de", "en");
        for (Figure f : RunFigures.of(SweepRun.create())) {
            assertThat(((org.knowm.xchart.style.AxesChartStyler) f.chart().getStyler()).getLocale()).as(f.name())
                    .isEqualTo(java.util.Locale.ROOT);
        }
    }

    @Test
    void aRunWithoutSweepsHasTheFiveChartsAndASweepAddsTwoPerSetting() {
        assertThat(RunFigures.of(stub)).extracting(Figure::name)
                .containsExactly("time", "throughput", "cpu", "trials", "distribution", "ratios");
        assertThat(RunFigures.of(SweepRun.create())).extracting(Figure::name)
                .containsExactly("time", "throughput", "cpu", "trials", "distribution", "ratios", "sweep-batch-speedup",
                        "sweep-batch-time", "sweep-batch-throughput");
        assertThat(RunFigures.of(stub)).allSatisfy(f -> assertThat(f.caption()).containsPattern("\\d+ (trials|rounds)"));
    }

    @Test
    void pngsDecodeAtTheChartsSizeAndStalePngsGo() throws IOException {
        List<Png> pngs = ChartFiles.render(RunFigures.of(SweepRun.create()));
        for (Png png : pngs) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
            assertThat(image).as(png.name()).isNotNull();
            assertThat(image.getWidth()).as(png.name()).isEqualTo(png.width()).isGreaterThanOrEqualTo(Charts.WIDTH); // wider for many bars
            assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
        }
        ChartFiles.write(pngs, tmp);
        ChartFiles.write(pngs.subList(0, 5), tmp); // the sweep went away: its charts go too
        try (Stream<Path> files = Files.list(tmp.resolve(ChartFiles.DIR_NAME))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("time.png",
                    "throughput.png", "cpu.png", "trials.png", "distribution.png", "time.svg", "throughput.svg",
                    "cpu.svg", "trials.svg", "distribution.svg");
        }
        String svg = Files.readString(tmp.resolve("charts/time.svg"));
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("width=\"" + Charts.WIDTH);
        BufferedImage time = ImageIO.read(tmp.resolve("charts/time.png").toFile());
        assertThat(time.getWidth()).isEqualTo(Charts.WIDTH);
    }

    @Test
    void barsOfAnIncompleteGridGetATickEachAndKeepTheirErrorBars() {
        List<TrialResult> trials = new java.util.ArrayList<>();
        for (int round = 0; round < 3; round++) {
            trials.add(StubRun.simple(round, new SeriesKey("vectored", "loopback", Map.of("batch", "8")), TrialStatus.VERIFIED, 0.30 + round / 100.0));
            trials.add(StubRun.simple(round, new SeriesKey("vectored", "loopback", Map.of("batch", "128")), TrialStatus.VERIFIED, 0.20 + round / 100.0));
            trials.add(StubRun.simple(round, SeriesKey.of("scalar", "loopback"), TrialStatus.VERIFIED, 0.25 + round / 100.0));
        }
        CategoryChart chart = Charts.time(SeriesSummary.of(StubRun.of(trials)));
        CategorySeries scalar = chart.getSeriesMap().get("scalar");
        CategorySeries vectored = chart.getSeriesMap().get("vectored");
        assertThat(scalar.getXData()).extracting(Object::toString)
                .containsExactly("loopback vectored batch=8", "loopback vectored batch=128", "loopback scalar");
        assertThat(chart.getStyler().isOverlapped()).as("one bar per tick, not in a slot beside empty ones").isTrue();
        assertThat(vectored.getExtraValues()).as("error bars drawn").isNotNull();
        assertThat(vectored.getExtraValues().stream().limit(2)).allSatisfy(e -> assertThat(e.doubleValue()).isPositive());
        assertThat(scalar.getYData()).filteredOn(v -> Double.isFinite(v.doubleValue())).hasSize(1);
        assertThat(scalar.getFillColor()).isEqualTo(Palette.of("scalar"));
        assertThat(Charts.time(summaries).getStyler().isOverlapped()).as("a full grid stays grouped").isFalse();
    }

    private static List<Bar> ownTicks(List<String> names) {
        // no grid: each bar gets a tick of its own, labelled "loopback <series>"
        return names.stream().map(n -> new Bar("context " + n, n, 1, 0.1, "loopback " + n)).toList();
    }

    @Test
    void manyBarsKeepFlatLabelsTheirSharedWordsInTheAxisTitleAndRoomForEach() {
        List<String> names = List.of("scalar", "vectored batch=64", "vectored batch=256", "sendfile", "sendfile-runs", "multifd");
        CategoryChart few = Charts.bars("t", "y", "network", ownTicks(names.subList(0, Charts.FLAT_LABELS)));
        assertThat(few.getSeriesMap().get("scalar").getXData()).extracting(Object::toString).first().isEqualTo("loopback scalar");
        assertThat(few.getWidth()).isEqualTo(Charts.WIDTH);

        CategoryChart many = Charts.bars("t", "y", "network", ownTicks(names));
        assertThat(many.getStyler().getXAxisLabelRotation()).isZero();
        assertThat(many.getXAxisTitle()).isEqualTo("network and series, all loopback");
        assertThat(many.getSeriesMap().get("scalar").getXData()).extracting(Object::toString).containsExactlyElementsOf(names);
        // six slots as wide as "vectored batch=256" (~135 px in the tick font) and their gaps need more than 1000 px
        assertThat(many.getWidth()).isBetween(Charts.WIDTH + 1, Charts.MAX_WIDTH);

        // labels too long to lie flat within MAX_WIDTH (a comparison's groups) are rotated on a chart of the usual width
        List<String> longer = names.stream().map(n -> n + " staging-buffer=65536 tcp-nodelay=on").toList();
        CategoryChart rotated = Charts.bars("t", "y", "network", ownTicks(longer));
        assertThat(rotated.getStyler().getXAxisLabelRotation()).isPositive();
        assertThat(rotated.getWidth()).isEqualTo(Charts.WIDTH);
    }

    @Test
    void sharedLeadingWordsLeaveEachLabelAWordOfItsOwn() {
        assertThat(Charts.sharedLeadingWords(List.of("loopback scalar", "loopback vectored batch=64"))).isEqualTo("loopback");
        assertThat(Charts.sharedLeadingWords(List.of("link:gbe vectored batch=8", "link:gbe vectored batch=64")))
                .isEqualTo("link:gbe vectored");
        assertThat(Charts.sharedLeadingWords(List.of("loopback", "loopback scalar"))).isEmpty();
        assertThat(Charts.sharedLeadingWords(List.of("loopback scalar", "unix scalar"))).isEmpty();
    }

    @Test
    void theRatioChartShowsEachPairsEstimateItsIntervalAndItsRounds() {
        XYChart chart = RunFigures.of(stub).stream().filter(f -> f.name().equals("ratios")).findFirst().orElseThrow()
                .chart() instanceof XYChart x ? x : null;
        assertThat(chart).isNotNull();
        var pairs = workbench.reports.stats.Comparisons.against(stub, "scalar");
        XYSeries estimate = chart.getSeriesMap().get("vectored");
        assertThat(estimate.getYData()).containsExactly(pairs.stream().mapToDouble(c -> c.comparison().medianRatio()).toArray());
        XYSeries ci = chart.getSeriesMap().get("vectored CI at loopback");
        assertThat(ci.getYData()).containsExactly(pairs.get(0).comparison().ratioCi().low(), pairs.get(0).comparison().ratioCi().high());
        assertThat(chart.getSeriesMap().get("vectored per round").getYData()).hasSize(
                pairs.stream().mapToInt(c -> c.comparison().rounds()).sum());
        assertThat(chart.getSeriesMap()).containsKey("no difference (1×)");
    }

    @Test
    void aStrategyKeepsItsColourAcrossCharts() {
        assertThat(Palette.of("vectored")).isEqualTo(Palette.of("vectored batch=8")).isNotEqualTo(Palette.of("scalar"));
        assertThat(Palette.of("vectored receiver")).isEqualTo(Palette.lighter(Palette.of("vectored")));
        assertThat(Charts.time(summaries).getSeriesMap().get("vectored").getFillColor()).isEqualTo(Palette.of("vectored"));
        assertThat(Charts.sweep(SeriesSummary.of(SweepRun.create()), "batch", Metric.SEND_SECONDS).getSeriesMap()
                .get("vectored").getLineColor()).isEqualTo(Palette.of("vectored"));
    }
}
