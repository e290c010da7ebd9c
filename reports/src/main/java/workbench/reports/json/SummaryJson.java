package workbench.reports.json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import workbench.reports.compare.RunDelta;
import workbench.reports.compare.RunSet;
import workbench.reports.files.AtomicFile;
import workbench.reports.files.RunWriter;
import workbench.reports.model.Run;
import workbench.reports.stats.Comparisons;
import workbench.reports.stats.ForkSpread;
import workbench.reports.stats.Interval;
import workbench.reports.stats.LiveMetric;
import workbench.reports.stats.LiveSummary;
import workbench.reports.stats.Metric;
import workbench.reports.stats.References;
import workbench.reports.stats.Series;
import workbench.reports.stats.SeriesSummary;
import workbench.reports.stats.Summary;
import workbench.reports.stats.Verdict;
import workbench.reports.table.AchievedRates;
import workbench.reports.warn.Warning;

/**
 * summary.json, beside run.json (of a run) or report.html (of a comparison): the figures of
 * {@link RunSummary} and {@link CompareSummary}, read off the statistics summary.md and report.html
 * print (the same {@link Comparisons}, {@link Verdict}, {@link References}, {@link AchievedRates},
 * {@link ForkSpread}, {@link Warning} and {@link RunDelta} calls), never computed a second way.
 * Written as run.json is: pretty-printed, '\n' line ends, non-finite figures as "NaN", atomically.
 */
public final class SummaryJson implements RunWriter {
    public static final String FILE_NAME = "summary.json";
    /** version of summary.json's layout */
    public static final int SCHEMA = 1;

    /** the strategy pairs are against; null: each run's own (its --baseline, else {@link Comparisons#DEFAULT_BASELINE}) */
    private final String baseline;

    /** compares every strategy with the run's baseline ({@link Comparisons#baseline}), as summary.md does */
    public SummaryJson() {
        this(null);
    }

    public SummaryJson(String baseline) {
        this.baseline = baseline;
    }

    @Override
    public void write(Run run, Path dir) throws IOException {
        AtomicFile.write(dir.resolve(FILE_NAME), RunJson.pretty(of(run)));
    }

    /** writes a comparison's summary.json into {@code dir} */
    public void write(RunSet set, Path dir) throws IOException {
        AtomicFile.write(dir.resolve(FILE_NAME), RunJson.pretty(of(set)));
    }

    public RunSummary of(Run run) {
        String baseline = this.baseline != null ? this.baseline : Comparisons.baseline(run);
        List<RunSummary.SeriesFigures> series = Series.of(run).stream().map(SummaryJson::series).toList();
        List<RunSummary.Pair> pairs = Comparisons.against(run, baseline).stream().map(SummaryJson::pair).toList();
        List<References.Ratio> references = References.of(run);
        List<RunSummary.CeilingFraction> ceilings = references.stream().filter(References.Ratio::ceiling)
                .map(r -> new RunSummary.CeilingFraction(r.ours().key(), r.reference().key(), r.median(), r.comparison().ratioCi(),
                        r.comparison().rounds(), r.sentence())).toList();
        List<RunSummary.BaselineRatio> baselines = references.stream().filter(r -> !r.ceiling())
                .map(r -> new RunSummary.BaselineRatio(r.ours().key(), r.reference().key(), r.median(), r.comparison().ratioCi(),
                        r.comparison().rounds(), r.comparison().ratios(), r.sentence())).toList();
        List<RunSummary.AchievedRate> rates = AchievedRates.of(run).stream()
                .map(r -> new RunSummary.AchievedRate(r.network(), r.gbitPerSecond(), r.trials(), r.link(), r.sentence())).toList();
        List<RunSummary.ForkFigures> forks = ForkSpread.of(run).stream().map(SummaryJson::forks).toList();
        List<RunSummary.WarningFigures> warnings = Warning.check(run).stream()
                .map(w -> new RunSummary.WarningFigures(code(w.warning()), w.subject(), w.text())).toList();
        return new RunSummary(SCHEMA, "run", run.id(), run.complete(), run.failure().orElse(null),
                run.manifest().settings().statistics().confidence(), Verdict.minEffect(run), baseline, Verdict.note(run),
                series, pairs, ceilings, baselines, rates, forks, warnings);
    }

    public CompareSummary of(RunSet set) {
        List<CompareSummary.Group> groups = set.members().stream()
                .map(m -> new CompareSummary.Group(m.group(), m.run().id(), m.settings(), of(m.run()))).toList();
        List<CompareSummary.Delta> deltas = RunDelta.of(set).stream().map(d -> new CompareSummary.Delta(d.reference(),
                d.group(), d.ours().key(), d.theirs().key(), d.ours().status(), d.ratio(), d.ci(),
                Summary.of(d.ours().values(Metric.SEND_SECONDS)).mean(), Summary.of(d.theirs().values(Metric.SEND_SECONDS)).mean(),
                d.sentence())).toList();
        return new CompareSummary(SCHEMA, "compare", set.naming(), set.differing(), groups, deltas, set.warnings());
    }

    private static RunSummary.SeriesFigures series(Series series) {
        SeriesSummary s = SeriesSummary.of(series);
        Map<String, Summary> metrics = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            metrics.put(m.column(), s.get(m));
        }
        return new RunSummary.SeriesFigures(s.key(), s.status(), s.label(), s.n(), metrics, live(series));
    }

    /** a live series' figures, by the code the live tables use; null for a bulk series */
    private static RunSummary.LiveSeriesFigures live(Series series) {
        var checkpoints = LiveSummary.checkpoints(series);
        var precopy = LiveSummary.precopy(series);
        if (checkpoints.isEmpty() && precopy.isEmpty()) {
            return null;
        }
        String workload = checkpoints.isPresent() ? "checkpoint" : "precopy";
        Map<String, Summary> metrics = new LinkedHashMap<>();
        for (LiveMetric m : LiveMetric.of(workload)) {
            metrics.put(m.column(), Summary.of(series.trials().stream().mapToDouble(m::of).filter(Double::isFinite).toArray()));
        }
        return new RunSummary.LiveSeriesFigures(workload, metrics, checkpoints.orElse(null), precopy.orElse(null));
    }

    private static RunSummary.Pair pair(Comparisons.SeriesComparison c) {
        List<RunSummary.Headline> cpu = new ArrayList<>();
        c.cpuVerdicts().forEach(v -> cpu.add(headline(v)));
        List<RunSummary.LatencyHeadline> latency = c.latency().stream().map(l -> new RunSummary.LatencyHeadline(l.quantile(),
                l.paired() ? "paired" : "unpaired", l.outcome(), l.outcome() == Verdict.Outcome.CLAIM, l.ratio(), l.ci(),
                l.rounds(), l.baselineCheckpoints(), l.candidateCheckpoints(), l.baselineLatency(), l.candidateLatency(),
                l.sentence())).toList();
        return new RunSummary.Pair(c.context(), c.baseline().key(), c.candidate().key(), c.candidate().status(),
                headline(c.verdict()), cpu, latency);
    }

    private static RunSummary.Headline headline(Verdict v) {
        var c = v.comparison();
        double high = 1 + v.minEffect();
        return new RunSummary.Headline(c.metric().column(), v.outcome(), v.claim(), c.medianRatio(), c.ratioCi(), c.rounds(),
                new Interval(1 / high, high), c.timeSaved(), c.baselineMean(), c.candidateMean(), c.welchP(), c.ratios(),
                v.sentence());
    }

    private static RunSummary.ForkFigures forks(ForkSpread f) {
        Map<String, Double> medians = new LinkedHashMap<>();
        f.forkMedians().forEach((fork, median) -> medians.put(Integer.toString(fork), median));
        return new RunSummary.ForkFigures(f.series().key(), f.series().status(), medians, f.between(), f.within(), f.sentence());
    }

    /** HIGH_CV → "high-cv" */
    static String code(Warning w) {
        return w.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
