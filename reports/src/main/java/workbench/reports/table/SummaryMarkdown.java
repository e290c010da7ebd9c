package workbench.reports.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import workbench.reports.files.AtomicFile;
import workbench.reports.files.RunWriter;
import workbench.reports.model.Run;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.reports.stats.ForkSpread;
import workbench.reports.stats.References;
import workbench.reports.stats.Comparisons;
import workbench.reports.stats.SeriesSummary;
import workbench.reports.stats.Verdict;
import workbench.reports.warn.Warning;

/**
 * summary.md: what ran, the headline sentence per comparison, the warnings, the seed table, the full statistics
 * of send and transfer time, and the failed trials. Numbers use a decimal point whatever the locale.
 */
public final class SummaryMarkdown implements RunWriter {
    public static final String FILE_NAME = "summary.md";

    /** the strategy pairs are against; null: the run's own (its --baseline, else {@link Comparisons#DEFAULT_BASELINE}) */
    private final String baseline;

    /** compares every strategy with the run's baseline ({@link Comparisons#baseline}) */
    public SummaryMarkdown() {
        this.baseline = null;
    }

    public SummaryMarkdown(String baseline) {
        this.baseline = baseline;
    }

    @Override
    public void write(Run run, Path dir) throws IOException {
        AtomicFile.write(dir.resolve(FILE_NAME), render(run));
    }

    public String render(Run run) {
        String baseline = this.baseline != null ? this.baseline : Comparisons.baseline(run);
        List<SeriesSummary> series = SeriesSummary.of(run);
        TableWriter md = TableWriter.markdown();
        StringBuilder out = new StringBuilder();
        out.append("# Run ").append(run.id()).append("\n\n");
        out.append(state(run)).append("\n\n");
        out.append("- command: `").append(run.manifest().commandLine().replace("`", "'")).append("`\n");
        out.append("- re-run: `").append(run.manifest().rerunCommand().replace("`", "'")).append("`\n");
        out.append("- workbench: ").append(run.manifest().workbench())
                .append("; RAM content seed ").append(run.manifest().seed()).append('\n');
        out.append("- trials: ").append(trialCounts(run)).append("\n\n");

        out.append("## Result\n\n");
        List<Comparisons.SeriesComparison> comparisons = Comparisons.against(run, baseline);
        for (Comparisons.SeriesComparison c : comparisons) {
            c.sentences().forEach(line -> out.append("- ").append(line).append('\n'));
        }
        out.append(comparisons.isEmpty()
                ? "No comparison: no series of another strategy ran beside a " + baseline + " series.\n\n"
                : "\n" + Verdict.note(run) + "\n\n");
        List<References.Ratio> references = References.of(run);
        for (References.Ratio r : references) {
            out.append("- ").append(r.sentence()).append('\n');
        }
        if (!references.isEmpty()) {
            out.append('\n');
        }
        List<String> rates = AchievedRates.lines(run);
        rates.forEach(r -> out.append("- ").append(r).append('\n'));
        if (!rates.isEmpty()) {
            out.append('\n');
        }
        List<ForkSpread> forks = ForkSpread.of(run);
        forks.forEach(f -> out.append("- ").append(f.sentence()).append('\n'));
        if (!forks.isEmpty()) {
            out.append('\n');
        }

        out.append("## Warnings\n\n");
        List<Warning.Found> warnings = Warning.check(run);
        warnings.forEach(w -> out.append("- **").append(w.warning()).append("** ").append(w.line()).append('\n'));
        out.append(warnings.isEmpty() ? "None.\n\n" : "\n");

        out.append("## Seed table\n\n");
        out.append("Send time as \"mean (std sd)\" in seconds, counts as \"mean (sd)\": the 2010 layout.\n\n");
        out.append(md.render(SeedTable.of(series))).append('\n');
        if (Seed2010.applies(run)) {
            out.append("### Beside the 2010 table\n\n");
            out.append("The seed's figures (10 trials a row) above ours on each link's emulated counterpart, then both "
                    + "ratios of write to writev time: 2010's of the means, ours the headline's median per-round ratio.\n\n");
            out.append(md.render(Seed2010.table(run))).append('\n');
            out.append(md.render(Seed2010.ratios(run))).append('\n');
            out.append("What differs:\n\n");
            Seed2010.differences(run).forEach(d -> out.append("- ").append(d).append('\n'));
            out.append('\n');
        }
        LiveTables.precopy(run).ifPresent(t -> out.append("## Pre-copy\n\n").append(LiveTables.PRECOPY_NOTE).append("\n\n")
                .append(md.render(t)).append('\n'));
        LiveTables.checkpoints(run).ifPresent(t -> out.append("## Checkpoints\n\n").append(LiveTables.CHECKPOINT_NOTE)
                .append("\n\n").append(md.render(t)).append('\n'));
        LiveTables.perCheckpointCounts(run).ifPresent(t -> out.append("### Seed table per checkpoint\n\n")
                .append("Mean counts of one checkpoint's section (the initial copy and the empty calibration checkpoints"
                        + " left out).\n\n").append(md.render(t)).append('\n'));

        java.util.Map<String, String> timings = run.manifest().timings();
        if (!timings.isEmpty()) {
            out.append("How each series is timed:\n\n");
            timings.forEach((name, how) -> out.append("- ").append(name).append(": ").append(how).append('\n'));
            out.append('\n');
        }

        out.append("## Send time\n\n");
        out.append("Sample sd; 95% CI of the mean from Student's t; CV = sd / mean; throughput from mean stream "
                + "bytes over send time (Gbit/s decimal, MiB/s binary); CPU seconds per GiB of stream.\n\n");
        out.append(md.render(StatisticsTable.sendTime(series))).append('\n');

        out.append("## Transfer time (end to end)\n\n");
        out.append(md.render(StatisticsTable.transferTime(series)));
        if (series.stream().anyMatch(s -> !s.verified())) {
            out.append("\nUnverified series had no receiver to check the RAM they sent; they are shown, and "
                    + "compared only with each other.\n");
        }
        sides(run, md, out);
        failed(run, md, out);
        return out.toString();
    }

    private static String state(Run run) {
        if (run.complete()) {
            return "Complete.";
        }
        return run.failure().map(why -> "Stopped early: " + why.replace('\n', ' '))
                .orElse("In progress (`complete: false`): figures cover the trials so far.");
    }

    private static String trialCounts(Run run) {
        long warmup = run.trials().stream().filter(TrialResult::warmup).count();
        long failed = run.trials().stream().filter(t -> t.status() == TrialStatus.FAILED).count();
        return run.trials().size() + " (" + warmup + " warm-up, " + failed + " failed)";
    }

    /** peak memory of each side and a scatter receiver's mis-predictions, when the run recorded them */
    private static void sides(Run run, TableWriter md, StringBuilder out) {
        Table memory = SidesTable.peakMemory(run);
        Table missed = SidesTable.mispredictions(run);
        if (memory.rows().isEmpty() && missed.rows().isEmpty()) {
            return;
        }
        out.append("\n## Memory and receiver\n");
        if (!memory.rows().isEmpty()) {
            out.append('\n').append(SidesTable.MEMORY_NOTE).append("\n\n").append(md.render(memory));
        }
        if (!missed.rows().isEmpty()) {
            out.append('\n').append(SidesTable.MISPREDICTION_NOTE).append("\n\n").append(md.render(missed));
        }
    }

    private static void failed(Run run, TableWriter md, StringBuilder out) {
        List<List<String>> rows = run.trials().stream().filter(t -> t.status() == TrialStatus.FAILED)
                .map(t -> List.of(Integer.toString(t.index()), Integer.toString(t.round()), t.series().label(),
                        t.failureReason().orElse("")))
                .toList();
        if (!rows.isEmpty()) {
            out.append("\n## Failed trials\n\nNever averaged.\n\n");
            out.append(md.render(Table.of(List.of("trial", "round", "series", "reason"), rows)));
        }
    }
}
