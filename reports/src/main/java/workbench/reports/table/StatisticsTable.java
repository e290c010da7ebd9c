package workbench.reports.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import workbench.reports.stats.Metric;
import workbench.reports.stats.SeriesSummary;
import workbench.reports.stats.Summary;

/** The full statistics of every series: time, spread, confidence, throughput and CPU cost. */
public final class StatisticsTable {
    private StatisticsTable() {
    }

    /** send time (the seed's "time") with throughput and CPU per GiB, one row per series */
    public static Table sendTime(List<SeriesSummary> series) {
        List<String> header = List.of("series", "n", "mean (s)", "sd (s)", "median (s)", "min (s)", "max (s)",
                "95% CI of mean (s)", "CV", "Gbit/s", "MiB/s", "sender thread CPU s/GiB",
                "sender process CPU s/GiB", "receiver process CPU s/GiB");
        List<List<String>> rows = new ArrayList<>();
        for (SeriesSummary s : series) {
            List<String> row = new ArrayList<>(timeCells(s, s.sendTime()));
            row.add(Cells.fixed(s.gbitPerSecond().mean(), 2));
            row.add(Cells.fixed(s.mibPerSecond().mean(), 1));
            row.add(Cells.fixed(s.get(Metric.SENDER_THREAD_CPU_PER_GIB).mean(), 3));
            row.add(Cells.fixed(s.get(Metric.SENDER_PROCESS_CPU_PER_GIB).mean(), 3));
            row.add(Cells.fixed(s.get(Metric.RECEIVER_PROCESS_CPU_PER_GIB).mean(), 3));
            rows.add(row);
        }
        return new Table(header, alignment(header.size()), rows);
    }

    /** end-to-end transfer time, one row per series */
    public static Table transferTime(List<SeriesSummary> series) {
        List<String> header = List.of("series", "n", "mean (s)", "sd (s)", "median (s)", "min (s)", "max (s)",
                "95% CI of mean (s)", "CV");
        List<List<String>> rows = series.stream().map(s -> timeCells(s, s.transferTime())).toList();
        return new Table(header, alignment(header.size()), rows);
    }

    private static List<String> timeCells(SeriesSummary s, Summary t) {
        return List.of(s.label(), Integer.toString(t.n()), Cells.fixed(t.mean(), 4), Cells.fixed(t.sd(), 4),
                Cells.fixed(t.median(), 4), Cells.fixed(t.min(), 4), Cells.fixed(t.max(), 4),
                Cells.interval(t.ci(), 4), Cells.percent(t.cv()));
    }

    private static List<Table.Align> alignment(int columns) {
        List<Table.Align> align = new ArrayList<>(Collections.nCopies(columns, Table.Align.RIGHT));
        align.set(0, Table.Align.LEFT);
        return align;
    }
}
