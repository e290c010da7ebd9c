package workbench.reports.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import workbench.reports.model.Run;
import workbench.reports.stats.Comparison;
import workbench.reports.stats.Comparisons;
import workbench.reports.stats.MedianInterval;
import workbench.reports.stats.SeriesSummary;
import workbench.reports.stats.Summary;
import workbench.reports.stats.Verdict;
import workbench.reports.table.Cells;
import workbench.reports.table.LiveTables;
import workbench.reports.table.SeedTable;
import workbench.reports.table.StatisticsTable;
import workbench.reports.table.Table;

/** The tables of a comparison: every run's rows under one header, each row led by its group. */
public final class CompareTables {
    private CompareTables() {
    }

    /** the runs: group, run id, state, trials, and every setting that differs */
    public static Table runs(RunSet set) {
        List<String> header = new ArrayList<>(List.of("group", "run", "state", "trials"));
        header.addAll(set.differing());
        List<List<String>> rows = new ArrayList<>();
        for (RunSet.Member m : set.members()) {
            Run r = m.run();
            List<String> row = new ArrayList<>(List.of(m.group(), r.id(),
                    r.complete() ? "complete" : r.failure().map(e -> "stopped early").orElse("incomplete"),
                    Integer.toString(r.trials().size())));
            row.addAll(m.settings().values());
            rows.add(row);
        }
        return Table.of(header, rows);
    }

    /**
     * The console's compact table: per group and series the trials, mean send time with its 95% CI,
     * throughput, and the speed ratio against the same series of the first run.
     */
    public static Table console(RunSet set) {
        List<String> header = List.of("group", "series", "n", "send time (s)", "95% CI (s)", "Gbit/s", "vs first run");
        List<RunDelta> deltas = RunDelta.of(set);
        List<List<String>> rows = new ArrayList<>();
        for (RunSet.Member m : set.members()) {
            for (workbench.reports.stats.Series series : workbench.reports.stats.Series.of(m.run())) {
                SeriesSummary s = SeriesSummary.of(series);
                String delta = deltas.stream().filter(d -> d.group().equals(m.group()) && d.ours().equals(series))
                        .findFirst().map(d -> format("%.2f×", d.ratio()) + (d.ci().defined()
                                ? format(" (%.2f–%.2f)", d.ci().low(), d.ci().high()) : "")).orElse(m == set.members().get(0) ? "reference" : "—");
                rows.add(List.of(m.group(), s.label(), Integer.toString(s.n()), Cells.fixed(s.sendTime().mean(), 4),
                        Cells.interval(s.sendTime().ci(), 4), Cells.fixed(s.gbitPerSecond().mean(), 3), delta));
            }
        }
        List<Table.Align> align = new ArrayList<>(Collections.nCopies(header.size(), Table.Align.RIGHT));
        align.set(0, Table.Align.LEFT);
        align.set(1, Table.Align.LEFT);
        return new Table(header, align, rows);
    }

    /** the checkpoint latency table of every run, each row led by its group; empty unless the runs ran checkpoints */
    public static java.util.Optional<Table> checkpoints(RunSet set) {
        return live(set, LiveTables::checkpoints);
    }

    /** the pre-copy table of every run, each row led by its group; empty unless the runs ran pre-copies */
    public static java.util.Optional<Table> precopy(RunSet set) {
        return live(set, LiveTables::precopy);
    }

    /** the seed table's counts per checkpoint of every run */
    public static java.util.Optional<Table> perCheckpointCounts(RunSet set) {
        return live(set, LiveTables::perCheckpointCounts);
    }

    /** one of the live tables of each run under one header (a {@link RunSet} holds runs of one workload only) */
    private static java.util.Optional<Table> live(RunSet set, java.util.function.Function<Run, java.util.Optional<Table>> of) {
        List<Table> tables = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (RunSet.Member m : set.members()) {
            of.apply(m.run()).ifPresent(t -> {
                tables.add(t);
                groups.add(m.group());
            });
        }
        if (tables.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(prefixed(tables, groups));
    }

    /** the 2010 seed table of every run */
    public static Table seed(RunSet set) {
        return grouped(set, s -> SeedTable.of(s));
    }

    /** the full send-time statistics of every run */
    public static Table statistics(RunSet set) {
        return grouped(set, StatisticsTable::sendTime);
    }

    /**
     * each group's candidates against its baseline strategy with the headline's one estimator: the
     * median per-round ratio (speedup), its 95% CI, the rounds paired, and what the run's margin lets
     * that interval say (time saved only where a difference is claimed)
     */
    public static Table relative(RunSet set, String baseline) {
        List<String> header = List.of("group", "where", "candidate vs baseline", "speedup (median per-round ratio)",
                "95% CI", "rounds", "verdict");
        List<List<String>> rows = new ArrayList<>();
        for (RunSet.Member m : set.members()) {
            for (Comparisons.SeriesComparison c : Comparisons.against(m.run(), baseline)) {
                Comparison x = c.comparison();
                rows.add(List.of(m.group(), c.context(), x.candidate() + " vs " + x.baseline(),
                        format("%.2f×", x.medianRatio()), x.ratioCi().defined()
                                ? format("%.2f–%.2f×", x.ratioCi().low(), x.ratioCi().high()) : "n/a",
                        Integer.toString(x.rounds()), verdict(c.verdict())));
            }
        }
        List<Table.Align> align = new ArrayList<>(Collections.nCopies(header.size(), Table.Align.RIGHT));
        for (int c = 0; c < 3; c++) {
            align.set(c, Table.Align.LEFT);
        }
        align.set(header.size() - 1, Table.Align.LEFT);
        return new Table(header, align, rows);
    }

    /** the verdict's outcome in a few words: "saves 24.7%", "equivalent within ±2%", "no verdict (needs 6 rounds)" */
    private static String verdict(Verdict v) {
        String margin = "±" + Verdict.percent(v.minEffect()); // as every headline writes it: 2.5% stays 2.5%
        double saved = v.comparison().timeSaved();
        return switch (v.outcome()) {
            case CLAIM -> saved >= 0 ? format("saves %.1f%%", 100 * saved) : format("costs %.1f%% more", -100 * saved);
            case EQUIVALENT -> "equivalent within " + margin;
            case NO_DIFFERENCE -> "no significant difference";
            case SMALL_DIFFERENCE -> "small difference, within reach of " + margin;
            case TOO_FEW_ROUNDS -> "no verdict (a CI needs " + MedianInterval.minValues(Summary.CONFIDENCE) + " rounds)";
        };
    }

    private static Table grouped(RunSet set, java.util.function.Function<List<SeriesSummary>, Table> of) {
        return prefixed(set.members().stream().map(m -> of.apply(SeriesSummary.of(m.run()))).toList(),
                set.members().stream().map(RunSet.Member::group).toList());
    }

    /** tables of one layout under one header, each row led by its group */
    private static Table prefixed(List<Table> tables, List<String> groups) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            for (List<String> row : tables.get(i).rows()) {
                List<String> r = new ArrayList<>(List.of(groups.get(i)));
                r.addAll(row);
                rows.add(r);
            }
        }
        Table last = tables.get(tables.size() - 1);
        List<String> h = new ArrayList<>(List.of("group"));
        h.addAll(last.header());
        List<Table.Align> a = new ArrayList<>(List.of(Table.Align.LEFT));
        a.addAll(last.align());
        return new Table(h, a, rows);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
