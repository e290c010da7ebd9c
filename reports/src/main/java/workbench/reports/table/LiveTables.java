package workbench.reports.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import workbench.reports.model.LiveFigures;
import workbench.reports.model.Run;
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

    private LiveTables() {
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
