package workbench.reports.table;

import java.util.ArrayList;
import java.util.List;
import workbench.reports.model.Run;
import workbench.reports.stats.Metric;
import workbench.reports.stats.SeriesSummary;

/**
 * The 2010 table, so a result can be laid beside the seed's: send time as "mean (std sd)" with
 * three decimals, counts as "mean (sd)" rounded to integers, one row per series in order of first
 * appearance. Swept settings follow the strategy, and unverified series say so. A "sendfile count"
 * column follows the writev count only when some series made sendfile calls, so a run of the
 * 2010 strategies keeps the 2010 columns.
 */
public final class SeedTable {
    public static final List<String> HEADER = List.of(
            "network", "strategy", "time (sec)", "write count", "writev count", "dup count", "nodup count");

    private SeedTable() {
    }

    public static Table of(Run run) {
        return of(SeriesSummary.of(run));
    }

    public static Table of(List<SeriesSummary> series) {
        boolean sendfile = series.stream().anyMatch(s -> s.get(Metric.SENDFILE_CALLS).mean() > 0);
        List<List<String>> rows = new ArrayList<>();
        for (SeriesSummary s : series) {
            List<String> row = new ArrayList<>(List.of(s.key().network(), strategyLabel(s), Cells.meanStd(s.sendTime(), 3),
                    Cells.meanSdCount(s.get(Metric.WRITE_CALLS)), Cells.meanSdCount(s.get(Metric.WRITEV_CALLS))));
            if (sendfile) {
                row.add(Cells.meanSdCount(s.get(Metric.SENDFILE_CALLS)));
            }
            row.addAll(List.of(Cells.meanSdCount(s.get(Metric.DUP_PAGES)), Cells.meanSdCount(s.get(Metric.NODUP_PAGES))));
            rows.add(row);
        }
        if (!sendfile) {
            return Table.of(HEADER, rows);
        }
        List<String> header = new ArrayList<>(HEADER);
        header.add(5, "sendfile count");
        return Table.of(header, rows);
    }

    /** "vectored", "vectored batch=64", "vectored (unverified)" */
    static String strategyLabel(SeriesSummary s) {
        StringBuilder label = new StringBuilder(s.key().strategy());
        s.key().params().forEach((k, v) -> label.append(' ').append(k).append('=').append(v));
        if (!s.verified()) {
            label.append(" (unverified)");
        }
        return label.toString();
    }
}
