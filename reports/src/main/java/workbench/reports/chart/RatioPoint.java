package workbench.reports.chart;

import java.util.List;
import workbench.reports.stats.Interval;

/**
 * One pair's ratio on a ratio chart: its estimate with its confidence interval, and the per-round
 * ratios it was estimated from.
 *
 * @param series   the legend entry (one colour): the candidate strategy, e.g. "vectored"
 * @param x        where on the x axis: the pair's context ("loopback") or a swept value ("64")
 * @param estimate the headline ratio, baseline time / candidate time
 * @param ci       its confidence interval (undefined: no interval is drawn)
 * @param perRound the per-round ratios, drawn as small dots (empty: none)
 */
public record RatioPoint(String series, String x, double estimate, Interval ci, List<Double> perRound) {
    public RatioPoint {
        perRound = List.copyOf(perRound);
    }
}
