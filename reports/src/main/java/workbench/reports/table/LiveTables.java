package workbench.reports.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import workbench.reports.model.Run;
import workbench.reports.stats.Interval;
import workbench.reports.model.LiveFigures;
import workbench.reports.stats.LiveSummary;
import workbench.reports.stats.Series;

/**
 * The tables of live workloads, one row per series over its measured trials: a pre-copy's
 * convergence, passes and downtime. A series whose trials did not converge says so in its row.
 */
public final class LiveTables {
    public static final String PRECOPY_NOTE = "Medians over the measured trials. converged: trials whose dirty set fitted"
            + " --max-downtime at the measured bandwidth before --max-passes ran out (the rest stopped the guest anyway);"
            + " passes: live passes, the stop-and-copy pass not counted; downtime: the guest's pause to the receiver's"
            + " last byte; writes/s: the guest's observed page writes per second while it ran.";

    public static final String CHECKPOINT_NOTE = "Latency: a checkpoint's pause to the receiver's ack, on the sender's"
            + " clock, pooled over the measured trials; mean with its 95% CI (Student's t over checkpoints, which are not"
            + " independent: a guide, not a test), p50 with its distribution-free 95% CI. ack path: the p50 of empty"
            + " checkpoints (no page), the fixed cost in every latency. paused: the fraction of the run the guest was"
            + " paused; digests at checked checkpoints are timed apart and kept out of latency, paused time and rate.";

    private LiveTables() {
    }

    /** the checkpoint latency table, when the run has trials of checkpoints */
    public static Optional<Table> checkpoints(Run run) {
        List<List<String>> rows = new ArrayList<>();
        for (Series s : Series.of(run)) {
            LiveSummary.checkpoints(s).ifPresent(c -> rows.add(List.of(s.key().network(), name(s),
                    Long.toString(c.checkpoints()),
                    ms(c.latency().mean(), 2) + " (" + Cells.interval(ms(c.latency().ci()), 2) + ")",
                    ms(c.p50(), 2) + (c.p50Ci().defined() ? " (" + Cells.interval(ms(c.p50Ci()), 2) + ")" : ""),
                    ms(c.p90(), 2), ms(c.p99(), 2), ms(c.latency().max(), 2), ms(c.ackPath(), 3),
                    Cells.fixed(c.pagesPerCheckpoint(), 0), Cells.fixed(c.checkpointsPerSecond(), 1),
                    Cells.fixed(100 * c.pausedFraction(), 1) + "%", c.digests() + " ok", Cells.fixed(c.digestSeconds(), 2))));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(right(List.of("network", "strategy", "checkpoints", "mean ms (95% CI)", "p50 ms (95% CI)",
                "p90 ms", "p99 ms", "max ms", "ack path ms", "pages/ckpt", "ckpt/s", "paused", "digests", "digest s"), rows));
    }

    private static String ms(double seconds, int decimals) {
        return Cells.fixed(1e3 * seconds, decimals);
    }

    private static Interval ms(Interval seconds) {
        return seconds.defined() ? new Interval(1e3 * seconds.low(), 1e3 * seconds.high()) : seconds;
    }

    /** the seed table's counts per checkpoint (the checkpoints' sections only), when the run has checkpoints */
    public static Optional<Table> perCheckpointCounts(Run run) {
        List<List<String>> rows = new ArrayList<>();
        for (Series s : Series.of(run)) {
            List<LiveFigures.CheckpointFigures> f = checkpointFigures(s);
            if (f.isEmpty()) {
                continue;
            }
            double n = f.stream().mapToLong(LiveFigures.CheckpointFigures::count).sum();
            rows.add(List.of(s.key().network(), name(s),
                    Cells.fixed(f.stream().mapToLong(c -> c.counts().writeCalls()).sum() / n, 1),
                    Cells.fixed(f.stream().mapToLong(c -> c.counts().writevCalls()).sum() / n, 1),
                    Cells.fixed(f.stream().mapToLong(c -> c.counts().sendfileCalls()).sum() / n, 1),
                    Cells.fixed(f.stream().mapToLong(c -> c.counts().dupPages()).sum() / n, 1),
                    Cells.fixed(f.stream().mapToLong(c -> c.counts().nodupPages()).sum() / n, 1),
                    Cells.fixed(f.stream().mapToLong(c -> c.counts().streamBytes()).sum() / n / 1024, 1)));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(right(List.of("network", "strategy", "write count", "writev count", "sendfile count", "dup count",
                "nodup count", "KiB"), rows));
    }

    private static List<LiveFigures.CheckpointFigures> checkpointFigures(Series s) {
        return s.trials().stream().flatMap(t -> t.liveFigures().flatMap(LiveFigures::checkpointFigures).stream()).toList();
    }

    private static Table right(List<String> header, List<List<String>> rows) {
        List<Table.Align> align = new ArrayList<>(List.of(Table.Align.LEFT, Table.Align.LEFT));
        while (align.size() < header.size()) {
            align.add(Table.Align.RIGHT);
        }
        return new Table(header, align, rows);
    }

    /** the pre-copy table, when the run has pre-copy trials */
    public static Optional<Table> precopy(Run run) {
        List<List<String>> rows = new ArrayList<>();
        for (Series s : Series.of(run)) {
            LiveSummary.precopy(s).ifPresent(p -> rows.add(List.of(s.key().network(), name(s), p.converged() + "/" + p.trials()
                            + (p.converged() < p.trials() ? " (NOT converged: " + (p.trials() - p.converged()) + ")" : ""),
                    Cells.fixed(p.passes(), 1), Cells.fixed(p.totalSeconds(), 3), ms(p.downtimeSeconds(), 1),
                    ms(p.maxDowntime(), 1), Cells.fixed(p.writesPerSecond(), 0), Cells.fixed(p.mibSent(), 1),
                    ms(p.allowedDowntime(), 0))));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> header = List.of("network", "strategy", "converged", "passes", "total time (s)", "downtime (ms)",
                "max downtime (ms)", "writes/s", "MiB sent", "allowed (ms)");
        List<Table.Align> align = new ArrayList<>(List.of(Table.Align.LEFT, Table.Align.LEFT, Table.Align.LEFT));
        while (align.size() < header.size()) {
            align.add(Table.Align.RIGHT);
        }
        return Optional.of(new Table(header, align, rows));
    }

    /** the series without its network (a column of its own): "vectored", "vectored batch=64" */
    static String name(Series s) {
        StringBuilder b = new StringBuilder(s.key().strategy());
        s.key().params().forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.append(s.verified() ? "" : " (unverified)").toString();
    }
}
