package workbench.reports.html;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import workbench.reports.chart.ChartFiles;
import workbench.reports.chart.Png;
import workbench.reports.chart.RunFigures;
import workbench.reports.files.AtomicFile;
import workbench.reports.files.RunWriter;
import workbench.reports.model.Manifest;
import workbench.reports.model.RerunCommand;
import workbench.reports.model.Run;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.reports.stats.ForkSpread;
import workbench.reports.stats.References;
import workbench.reports.stats.Comparisons;
import workbench.reports.stats.SeriesSummary;
import workbench.reports.stats.Verdict;
import workbench.reports.table.AchievedRates;
import workbench.reports.table.LiveTables;
import workbench.reports.table.Seed2010;
import workbench.reports.table.SeedTable;
import workbench.reports.table.SidesTable;
import workbench.reports.table.StatisticsTable;
import workbench.reports.table.Table;
import workbench.reports.warn.Warning;

/**
 * report.html: one self-contained page per run — the headline in words, warnings, the seed table,
 * the full statistics, every chart (embedded PNG), failed trials and the manifest with the command
 * that repeats the run. Opens offline in any browser; loads nothing.
 */
public final class HtmlReport implements RunWriter {
    public static final String FILE_NAME = "report.html";

    /** renders the charts and writes report.html (use {@link #write(Run, List, Path)} when they are rendered) */
    @Override
    public void write(Run run, Path dir) throws IOException {
        write(run, ChartFiles.render(RunFigures.of(run)), dir);
    }

    public void write(Run run, List<Png> charts, Path dir) throws IOException {
        AtomicFile.write(dir.resolve(FILE_NAME), render(run, charts));
    }

    public String render(Run run, List<Png> charts) {
        List<SeriesSummary> series = SeriesSummary.of(run);
        StringBuilder b = new StringBuilder();
        b.append("<header>\n<h1>Run ").append(Html.escape(run.id())).append("</h1>\n<p class=\"state\">")
                .append(Html.escape(state(run))).append("</p>\n<p class=\"note\">")
                .append(Html.escape(trialCounts(run) + " · workbench " + run.manifest().workbench()
                        + " · RAM content seed " + run.manifest().seed()))
                .append("</p>\n</header>\n");

        b.append("<section id=\"headline\">\n<h2>Result</h2>\n");
        b.append(headline(run, Comparisons.baseline(run)));
        List<String> rates = AchievedRates.lines(run);
        if (!rates.isEmpty()) {
            b.append("<ul class=\"rates\" id=\"rates\">\n");
            rates.forEach(r -> b.append("<li>").append(Html.escape(r)).append("</li>\n"));
            b.append("</ul>\n");
        }
        b.append("</section>\n");

        b.append("<section id=\"warnings\">\n<h2>Warnings</h2>\n").append(Html.warnings(Warning.check(run)))
                .append("</section>\n");

        b.append("<section id=\"seed\">\n<h2>Seed table</h2>\n<p class=\"note\">Send time as \"mean (std sd)\" in "
                + "seconds, counts as \"mean (sd)\": the 2010 layout, to lay beside the seed's table.</p>\n");
        b.append(Html.table(SeedTable.of(series), "table-seed"));
        Map<String, String> timings = run.manifest().timings();
        if (!timings.isEmpty()) {
            b.append("<p class=\"note\">How each series is timed:</p>\n<ul id=\"timing\">\n");
            timings.forEach((name, how) -> b.append("<li><b>").append(Html.escape(name)).append("</b>: ").append(Html.escape(how))
                    .append("</li>\n"));
            b.append("</ul>\n");
        }
        if (Seed2010.applies(run)) {
            b.append("<h3>Beside the 2010 table</h3>\n<p class=\"note\">The seed's figures (10 trials a row) above ours on "
                    + "each link's emulated counterpart, then both ratios of write to writev time: 2010's of the means, ours "
                    + "the headline's median per-round ratio.</p>\n");
            b.append(Html.table(Seed2010.table(run), "table-seed2010"));
            b.append(Html.table(Seed2010.ratios(run), "table-seed2010-ratios"));
            b.append("<h3>What differs</h3>\n<ul id=\"seed2010-differences\">\n");
            Seed2010.differences(run).forEach(d -> b.append("<li>").append(Html.escape(d)).append("</li>\n"));
            b.append("</ul>\n");
        }
        b.append("</section>\n");
        LiveTables.precopy(run).ifPresent(t -> b.append("<section id=\"precopy\">\n<h2>Pre-copy</h2>\n<p class=\"note\">")
                .append(Html.escape(LiveTables.PRECOPY_NOTE)).append("</p>\n").append(Html.table(t, "table-precopy"))
                .append("</section>\n"));
        LiveTables.checkpoints(run).ifPresent(t -> b.append("<section id=\"checkpoints\">\n<h2>Checkpoints</h2>\n<p class=\"note\">")
                .append(Html.escape(LiveTables.CHECKPOINT_NOTE)).append("</p>\n").append(Html.table(t, "table-checkpoints"))
                .append(LiveTables.perCheckpointCounts(run).map(c -> "<h3>Seed table per checkpoint</h3>\n"
                        + Html.table(c, "table-checkpoint-counts")).orElse("")).append("</section>\n"));

        b.append("<section id=\"statistics\">\n<h2>Statistics</h2>\n<h3>Send time</h3>\n<p class=\"note\">")
                .append(Html.escape(STATISTICS_NOTE)).append("</p>\n");
        b.append(Html.table(StatisticsTable.sendTime(series), "table-statistics"));
        b.append("<h3>Transfer time (end to end)</h3>\n").append(Html.table(StatisticsTable.transferTime(series),
                "table-transfer")).append("</section>\n");

        b.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        charts.forEach(png -> b.append(Html.figure(png, "chart-")));
        b.append("</section>\n");

        failed(run, b);
        b.append(sides(run));
        b.append(manifest(run.manifest(), "Manifest", ""));
        b.append("<footer>Rendered from run.json by the migration-stream workbench; re-render with "
                + "<code>java -jar workbench.jar report ").append(Html.escape(run.id())).append("/run.json</code>.</footer>\n");
        return Html.page("Run " + run.id() + " — migration-stream workbench", b.toString());
    }

    /** what every statistics table says about its columns */
    public static final String STATISTICS_NOTE = "Over measured trials (warm-up and failed ones left out): sample sd; "
            + "95% CI of the mean from Student's t; CV = sd / mean; throughput from stream bytes over send time "
            + "(Gbit/s decimal, MiB/s binary); CPU seconds per GiB of stream sent (sender) and received (receiver).";

    /** the headline sentences of a run's comparisons against the baseline strategy */
    public static String headline(Run run, String baseline) {
        List<Comparisons.SeriesComparison> comparisons = Comparisons.against(run, baseline);
        if (comparisons.isEmpty()) {
            return "<p>No comparison: no series of another strategy ran beside a " + Html.escape(baseline)
                    + " series.</p>\n";
        }
        StringBuilder b = new StringBuilder("<ul class=\"headline\">\n");
        for (Comparisons.SeriesComparison c : comparisons) {
            c.sentences().forEach(line -> b.append("<li>").append(Html.escape(line)).append("</li>\n"));
        }
        b.append("</ul>\n<p class=\"note\">").append(Html.escape(Verdict.note(run))).append("</p>\n");
        List<References.Ratio> references = References.of(run);
        if (!references.isEmpty()) {
            b.append("<ul class=\"references\">\n");
            references.forEach(r -> b.append("<li>").append(Html.escape(r.sentence())).append("</li>\n"));
            b.append("</ul>\n");
        }
        List<ForkSpread> forks = ForkSpread.of(run);
        if (!forks.isEmpty()) {
            b.append("<ul class=\"forks\">\n");
            forks.forEach(f -> b.append("<li>").append(Html.escape(f.sentence())).append("</li>\n"));
            b.append("</ul>\n");
        }
        return b.toString();
    }

    /** peak memory of each side and a scatter receiver's mis-predictions; nothing when the run recorded neither */
    private static String sides(Run run) {
        Table memory = SidesTable.peakMemory(run);
        Table missed = SidesTable.mispredictions(run);
        if (memory.rows().isEmpty() && missed.rows().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<section id=\"sides\">\n<h2>Memory and receiver</h2>\n");
        if (!memory.rows().isEmpty()) {
            b.append("<p class=\"note\">").append(Html.escape(SidesTable.MEMORY_NOTE)).append("</p>\n")
                    .append(Html.table(memory, "table-memory"));
        }
        if (!missed.rows().isEmpty()) {
            b.append("<p class=\"note\">").append(Html.escape(SidesTable.MISPREDICTION_NOTE)).append("</p>\n")
                    .append(Html.table(missed, "table-mispredictions"));
        }
        return b.append("</section>\n").toString();
    }

    /**
     * The manifest as a section: the command that repeats the run, its configuration and its
     * environment. {@code idSuffix} keeps element ids unique when a page holds several manifests.
     */
    public static String manifest(Manifest m, String heading, String idSuffix) {
        StringBuilder b = new StringBuilder();
        b.append("<section id=\"manifest").append(Html.escape(idSuffix)).append("\">\n<h2>")
                .append(Html.escape(heading)).append("</h2>\n<h3>Re-run</h3>\n<pre id=\"rerun")
                .append(Html.escape(idSuffix)).append("\"><code>").append(Html.escape(m.rerunCommand()))
                .append("</code></pre>\n");
        b.append("<p class=\"note\">Every resolved setting is spelled out, so a later workbench with other defaults "
                + "repeats this run; a re-run writes a new run folder")
                .append(m.settings().networks().stream().anyMatch(n -> n.startsWith("tcp://"))
                        ? "; set " + RerunCommand.TOKEN_VARIABLE + " to the receiver's token when it has one" : "")
                .append(". Recorded command line: <code>").append(Html.escape(m.commandLine())).append("</code>.</p>\n");
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("workbench", m.workbench());
        configuration.put("RAM content seed", Long.toString(m.seed()));
        configuration.putAll(m.settings().texts());
        b.append("<h3>Configuration</h3>\n")
                .append(Html.keyValues(configuration, "table-configuration" + idSuffix, "setting", "value"));
        b.append("<h3>Environment</h3>\n")
                .append(Html.keyValues(m.environment(), "table-environment" + idSuffix, "fact", "value"));
        return b.append("</section>\n").toString();
    }

    private static void failed(Run run, StringBuilder b) {
        List<List<String>> rows = run.trials().stream().filter(t -> t.status() == TrialStatus.FAILED)
                .map(t -> List.of(Integer.toString(t.index()), Integer.toString(t.round()), t.series().label(),
                        t.failureReason().orElse(""))).toList();
        if (!rows.isEmpty()) {
            b.append("<section id=\"failed\">\n<h2>Failed trials</h2>\n<p class=\"note\">Never averaged.</p>\n")
                    .append(Html.table(Table.of(List.of("trial", "round", "series", "reason"), rows), "table-failed"))
                    .append("</section>\n");
        }
    }

    private static String state(Run run) {
        if (run.complete()) {
            return "Complete.";
        }
        return run.failure().map(why -> "Stopped early: " + why.replace('\n', ' '))
                .orElse("In progress (complete: false): figures cover the trials so far.");
    }

    private static String trialCounts(Run run) {
        long warmup = run.trials().stream().filter(TrialResult::warmup).count();
        long failed = run.trials().stream().filter(t -> t.status() == TrialStatus.FAILED).count();
        return run.trials().size() + " trials (" + warmup + " warm-up, " + failed + " failed)";
    }
}
