package workbench.reports.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import workbench.reports.model.LiveFigures;
import workbench.reports.model.Run;
import workbench.reports.stats.Interval;
import workbench.reports.stats.MedianInterval;
import workbench.reports.stats.Series;
import workbench.reports.stats.Summary;

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
            List<LiveFigures.CheckpointFigures> f = checkpointFigures(s);
            if (f.isEmpty()) {
                continue;
            }
            double[] ms = f.stream().flatMap(c -> c.latencies().stream()).mapToDouble(x -> x * 1e3).toArray();
            double[] calibration = f.stream().flatMap(c -> c.calibration().stream()).mapToDouble(x -> x * 1e3).toArray();
            Summary sum = Summary.of(ms);
            Interval p50 = MedianInterval.of(ms, Summary.CONFIDENCE);
            long checked = f.stream().mapToLong(c -> c.checked().size()).sum();
            long count = f.stream().mapToLong(LiveFigures.CheckpointFigures::count).sum();
            double pages = f.stream().flatMap(c -> c.pages().stream()).mapToLong(Long::longValue).sum() / (double) count;
            rows.add(List.of(s.key().network(), name(s), Long.toString(count),
                    Cells.fixed(sum.mean(), 2) + " (" + Cells.interval(sum.ci(), 2) + ")",
                    Cells.fixed(percentile(ms, 0.5), 2) + (p50.defined() ? " (" + Cells.interval(p50, 2) + ")" : ""),
                    Cells.fixed(percentile(ms, 0.9), 2), Cells.fixed(percentile(ms, 0.99), 2), Cells.fixed(sum.max(), 2),
                    Cells.fixed(percentile(calibration, 0.5), 3), Cells.fixed(pages, 0),
                    Cells.fixed(median(f.stream().mapToDouble(LiveFigures.CheckpointFigures::perSecond).toArray()), 1),
                    Cells.fixed(100 * median(f.stream().mapToDouble(LiveFigures.CheckpointFigures::pausedFraction).toArray()), 1) + "%",
                    checked + " ok", Cells.fixed(f.stream().mapToDouble(LiveFigures.CheckpointFigures::digestSeconds).sum(), 2)));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(right(List.of("network", "strategy", "checkpoints", "mean ms (95% CI)", "p50 ms (95% CI)",
                "p90 ms", "p99 ms", "max ms", "ack path ms", "pages/ckpt", "ckpt/s", "paused", "digests", "digest s"), rows));
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

    /** the q-quantile by linear interpolation at 1 + (n − 1)q (R type 7), as the box plots use */
    public static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double h = (v.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    /** the pre-copy table, when the run has pre-copy trials */
    public static Optional<Table> precopy(Run run) {
        List<List<String>> rows = new ArrayList<>();
        for (Series s : Series.of(run)) {
            List<LiveFigures.PrecopyFigures> f = s.trials().stream()
                    .flatMap(t -> t.liveFigures().flatMap(LiveFigures::precopyFigures).stream()).toList();
            if (f.isEmpty()) {
                continue;
            }
            long converged = f.stream().filter(LiveFigures.PrecopyFigures::converged).count();
            double[] total = s.trials().stream().mapToDouble(t -> t.transferSeconds()).toArray();
            rows.add(List.of(s.key().network(), name(s), converged + "/" + f.size()
                            + (converged < f.size() ? " (NOT converged: " + (f.size() - converged) + ")" : ""),
                    Cells.fixed(median(f.stream().mapToDouble(LiveFigures.PrecopyFigures::livePasses).toArray()), 1),
                    Cells.fixed(median(total), 3),
                    Cells.fixed(1e3 * median(f.stream().mapToDouble(LiveFigures.PrecopyFigures::downtimeSeconds).toArray()), 1),
                    Cells.fixed(1e3 * max(f.stream().mapToDouble(LiveFigures.PrecopyFigures::downtimeSeconds).toArray()), 1),
                    Cells.fixed(median(f.stream().mapToDouble(LiveFigures.PrecopyFigures::writesPerSecond).toArray()), 0),
                    Cells.fixed(median(s.trials().stream().mapToDouble(t -> t.counts().streamBytes() / 1048576.0).toArray()), 1),
                    Cells.fixed(1e3 * f.get(0).maxDowntime(), 0)));
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

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
