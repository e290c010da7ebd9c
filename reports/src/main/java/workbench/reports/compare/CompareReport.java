package workbench.reports.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import workbench.reports.chart.Bar;
import workbench.reports.chart.ChartFiles;
import workbench.reports.chart.Charts;
import workbench.reports.chart.Figure;
import workbench.reports.chart.Png;
import workbench.reports.chart.RatioPoint;
import workbench.reports.files.AtomicFile;
import workbench.reports.html.Html;
import workbench.reports.html.HtmlReport;
import workbench.reports.model.SeriesRole;
import workbench.reports.stats.Comparisons;
import workbench.reports.stats.Metric;
import workbench.reports.stats.SeriesSummary;
import workbench.reports.stats.Summary;
import workbench.reports.table.LiveTables;
import workbench.reports.warn.Warning;

/**
 * One self-contained page for several runs: the settings that differ name the groups on the x
 * axis, strategy is the series. Holds the relative result per group, the seed table and the
 * statistics of all runs, the charts, every warning and each run's manifest.
 */
public final class CompareReport {
    public static final String FILE_NAME = "report.html";

    private final String baseline;

    public CompareReport() {
        this(Comparisons.DEFAULT_BASELINE);
    }

    public CompareReport(String baseline) {
        this.baseline = baseline;
    }

    /** writes {@code dir/report.html} and the charts into {@code dir/charts/} */
    public void write(RunSet set, Path dir) throws IOException {
        List<Png> charts = ChartFiles.render(figures(set));
        ChartFiles.write(charts, dir);
        AtomicFile.write(dir.resolve(FILE_NAME), render(set, charts));
    }

    public String render(RunSet set, List<Png> charts) {
        StringBuilder b = new StringBuilder();
        b.append("<header>\n<h1>Comparison of ").append(set.members().size()).append(" runs</h1>\n<p class=\"state\">")
                .append(Html.escape(set.naming().isEmpty() ? "The runs differ in no setting or machine fact that names "
                        + "a group: groups are named by run id." : "Grouped by " + String.join(", ", set.naming())
                        + (set.differing().size() > set.naming().size() ? "; everything that differs is in the table of runs." : ".")))
                .append("</p>\n</header>\n");

        b.append("<section id=\"runs\">\n<h2>Runs</h2>\n").append(Html.table(CompareTables.runs(set), "table-runs"))
                .append("</section>\n");

        b.append("<section id=\"headline\">\n<h2>Result per group</h2>\n");
        for (RunSet.Member m : set.members()) {
            b.append("<h3>").append(Html.escape(m.group())).append("</h3>\n").append(HtmlReport.headline(m.run(), baseline));
        }
        b.append(Html.table(CompareTables.relative(set, baseline), "table-relative")).append("</section>\n");

        List<RunDelta> deltas = RunDelta.of(set);
        b.append("<section id=\"deltas\">\n<h2>Run against run</h2>\n");
        if (deltas.isEmpty()) {
            b.append("<p>No series of a later run matches a series of the first run (same strategy and swept settings).</p>\n");
        } else {
            b.append("<p class=\"note\">Each run's series against the same series of the first run (")
                    .append(Html.escape(set.members().get(0).group())).append(").</p>\n<ul class=\"headline\">\n");
            deltas.forEach(d -> b.append("<li>").append(Html.escape(d.sentence())).append("</li>\n"));
            b.append("</ul>\n");
        }
        b.append("</section>\n");

        List<Warning.Found> warnings = new ArrayList<>();
        set.warnings().forEach(w -> warnings.add(new Warning.Found(Warning.INCOMPARABLE_RUNS, "all runs", w)));
        for (RunSet.Member m : set.members()) {
            Warning.check(m.run()).forEach(w -> warnings.add(new Warning.Found(w.warning(), m.group() + " · " + w.subject(), w.text())));
        }
        b.append("<section id=\"warnings\">\n<h2>Warnings</h2>\n").append(Html.warnings(warnings)).append("</section>\n");

        CompareTables.precopy(set).ifPresent(t -> b.append("<section id=\"precopy\">\n<h2>Pre-copy</h2>\n<p class=\"note\">")
                .append(Html.escape(LiveTables.PRECOPY_NOTE)).append("</p>\n").append(Html.table(t, "table-precopy"))
                .append("</section>\n"));
        CompareTables.checkpoints(set).ifPresent(t -> b.append("<section id=\"checkpoints\">\n<h2>Checkpoints</h2>\n"
                        + "<p class=\"note\">").append(Html.escape(LiveTables.CHECKPOINT_NOTE)).append("</p>\n")
                .append(Html.table(t, "table-checkpoints")).append(CompareTables.perCheckpointCounts(set)
                        .map(c -> "<h3>Seed table per checkpoint</h3>\n" + Html.table(c, "table-checkpoint-counts")).orElse(""))
                .append("</section>\n"));
        b.append("<section id=\"seed\">\n<h2>Seed table</h2>\n<p class=\"note\">Send time as \"mean (std sd)\" in "
                + "seconds, counts as \"mean (sd)\": the 2010 layout, one block of rows per group.</p>\n")
                .append(Html.table(CompareTables.seed(set), "table-seed")).append("</section>\n");
        b.append("<section id=\"statistics\">\n<h2>Statistics</h2>\n<p class=\"note\">")
                .append(Html.escape(HtmlReport.STATISTICS_NOTE)).append("</p>\n")
                .append(Html.table(CompareTables.statistics(set), "table-statistics")).append("</section>\n");

        b.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        charts.forEach(png -> b.append(Html.figure(png, "chart-")));
        b.append("</section>\n");

        for (int i = 0; i < set.members().size(); i++) {
            RunSet.Member m = set.members().get(i);
            b.append(HtmlReport.manifest(m.run().manifest(), "Manifest of " + m.group() + " (" + m.run().id() + ")",
                    "-" + (i + 1)));
        }
        b.append("<footer>Rendered from the runs' run.json files by the migration-stream workbench.</footer>\n");
        return Html.page("Comparison of " + set.members().size() + " runs — migration-stream workbench", b.toString());
    }

    /** send time, throughput and CPU per GiB by group (x axis) and strategy (series), and the run-against-run ratios */
    public List<Figure> figures(RunSet set) {
        String n = "n = number of measured trials per bar, in the statistics table";
        List<Figure> figures = new ArrayList<>(List.of(
                new Figure("time", "Send time per group and strategy", "Mean send time of each run's measured trials, "
                        + "grouped by the settings that differ between the runs; " + n
                        + "; error bars: 95% confidence interval of the mean (Student's t).",
                        Charts.bars("Send time by group", "send time (s)", "group", grid(bars(set, Metric.SEND_SECONDS)))),
                new Figure("throughput", "Throughput per group and strategy", "Mean throughput (stream bytes × 8 / send "
                        + "time, decimal Gbit/s) per group; " + n + "; error bars: 95% confidence interval of the mean.",
                        Charts.bars("Throughput by group", "throughput (Gbit/s)", "group", grid(bars(set, Metric.GBIT_PER_SECOND)))),
                new Figure("cpu", "Sender and receiver CPU per GiB per group and strategy", "CPU seconds of the whole "
                        + "sender process and of the whole receiver process per GiB of stream, one series per strategy "
                        + "and side (the receiver in the lighter shade; a ceiling such as iperf3 is left out); " + n
                        + "; error bars: 95% confidence interval of the mean.", Charts.bars("CPU cost per GiB by group",
                        "CPU seconds per GiB", "group", grid(cpuBars(set))))));
        List<RunDelta> deltas = RunDelta.of(set);
        if (!deltas.isEmpty()) {
            String reference = set.members().get(0).group();
            List<RatioPoint> points = deltas.stream().map(d -> new RatioPoint(d.ours().key().strategy() + " (" + d.group()
                    + ")", Charts.context(d.ours().key(), d.ours().status()), d.ratio(), d.ci(), List.of())).toList();
            figures.add(new Figure("deltas", "Each run against the first run", "Mean send time of the first run's ("
                    + reference + ") series over the same series' in each later run: above the dashed line at 1× the later "
                    + "run is faster. Diamonds: the ratio of means; vertical lines: its 95% bootstrap interval (each run's "
                    + "trials resampled on their own: the runs were measured apart, so nothing is paired).",
                    Charts.ratios("Speed against " + reference, "series (in the later run)", "speed ratio (" + reference
                            + " time / this run's time)", points)));
        }
        return List.copyOf(figures);
    }

    /** One bar per run and series, grouped by run (by run and context when any run has several); {@link #grid} fills the gaps. */
    private static List<Bar> bars(RunSet set, Metric metric) {
        return bars(set, metric, s -> true);
    }

    private static List<Bar> bars(RunSet set, Metric metric, java.util.function.Predicate<SeriesSummary> which) {
        Map<RunSet.Member, List<SeriesSummary>> series = new LinkedHashMap<>();
        set.members().forEach(m -> series.put(m, SeriesSummary.of(m.run()).stream().filter(which).toList()));
        boolean oneContext = series.values().stream().allMatch(l -> l.stream()
                .map(s -> Charts.context(s.key(), s.status())).distinct().count() <= 1);
        List<Bar> bars = new ArrayList<>();
        for (RunSet.Member m : set.members()) {
            for (SeriesSummary s : series.get(m)) {
                Summary sum = s.get(metric);
                String category = oneContext ? m.group() : m.group() + " · " + Charts.context(s.key(), s.status());
                bars.add(new Bar(category, s.key().strategy(), sum.mean(), sum.ci().halfWidth()));
            }
        }
        return bars;
    }

    /**
     * The bars with an empty (NaN) bar wherever a series is missing from a group — a ceiling only one
     * run measured, a strategy only one run had — so the chart stays a grid: the x axis names the
     * groups alone, the legend the series, rather than one rotated tick label per bar crowding the next.
     */
    static List<Bar> grid(List<Bar> bars) {
        Set<String> categories = new LinkedHashSet<>();
        Set<String> series = new LinkedHashSet<>();
        Set<List<String>> present = new HashSet<>();
        for (Bar b : bars) {
            categories.add(b.category());
            series.add(b.series());
            present.add(List.of(b.category(), b.series()));
        }
        List<Bar> out = new ArrayList<>(bars);
        for (String s : series) {
            for (String c : categories) {
                if (!present.contains(List.of(c, s))) {
                    out.add(new Bar(c, s, Double.NaN, Double.NaN));
                }
            }
        }
        return out;
    }

    private static List<Bar> cpuBars(RunSet set) {
        List<Bar> bars = new ArrayList<>();
        for (Metric m : List.of(Metric.SENDER_PROCESS_CPU_PER_GIB, Metric.RECEIVER_PROCESS_CPU_PER_GIB)) {
            // our strategies only: a ceiling's (iperf3's) CPU is not measured as ours is
            for (Bar b : bars(set, m, s -> s.key().role() == SeriesRole.STRATEGY || s.key().role() == SeriesRole.UNVERIFIED)) {
                String side = m == Metric.SENDER_PROCESS_CPU_PER_GIB ? "sender" : "receiver";
                bars.add(new Bar(b.category(), b.series() + " " + side, b.value(), b.halfWidth()));
            }
        }
        return bars;
    }
}
