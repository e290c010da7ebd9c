package workbench.reports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * A candidate series against a baseline on one metric (send time unless said otherwise), paired by
 * round.
 *
 * <p>One estimator: the per-round ratio baseline / candidate, its median, and the distribution-free
 * 95% CI of that median ({@link MedianInterval}); speedup and time saved are read from that median.
 * Interleaved rounds share the machine's drift, so the ratio within a round cancels it. Welch's
 * t-test on the two means is kept as a classical side figure for tables, never in the headline: it
 * tests the means, another statistic.
 *
 * @param baseline      name of the baseline in sentences (e.g. "scalar")
 * @param candidate     name of the candidate (e.g. "vectored")
 * @param metric        the figure compared
 * @param ratios        per-round ratios baseline / candidate, in round order, over rounds both series ran
 *                      with a finite figure
 * @param medianRatio   median of {@code ratios} (NaN without pairs)
 * @param ratioCi       95% CI of the median ratio (undefined below {@link MedianInterval#minValues} pairs)
 * @param baselineMean  mean baseline figure
 * @param candidateMean mean candidate figure
 * @param welchP        two-sided p-value of Welch's t-test on the means (NaN with fewer than two values a side)
 */
public record Comparison(String baseline, String candidate, Metric metric, List<Double> ratios, double medianRatio,
                         Interval ratioCi, double baselineMean, double candidateMean, double welchP) {
    public Comparison {
        ratios = List.copyOf(ratios);
    }

    /** compares two series on send time */
    public static Comparison of(Series baseline, Series candidate) {
        return of(baseline, candidate, Metric.SEND_SECONDS);
    }

    public static Comparison of(Series baseline, Series candidate, Metric metric) {
        return compute(baseline.key().strategy(), candidate.key().strategy(), metric,
                baseline.byRound(metric), candidate.byRound(metric),
                baseline.values(metric), candidate.values(metric));
    }

    /** compares two sets of per-round times (one value per round), e.g. from another tool */
    public static Comparison paired(String baseline, String candidate, SortedMap<Integer, Double> baselineByRound,
                                    SortedMap<Integer, Double> candidateByRound) {
        return compute(baseline, candidate, Metric.SEND_SECONDS, baselineByRound, candidateByRound,
                values(baselineByRound), values(candidateByRound));
    }

    private static Comparison compute(String baseline, String candidate, Metric metric,
                                      SortedMap<Integer, Double> baseRounds, SortedMap<Integer, Double> candRounds,
                                      double[] baseValues, double[] candValues) {
        List<Double> ratios = new ArrayList<>();
        baseRounds.forEach((round, b) -> {
            Double c = candRounds.get(round);
            if (c != null && Double.isFinite(b / c) && b / c > 0) {
                ratios.add(b / c);
            }
        });
        double[] r = ratios.stream().mapToDouble(Double::doubleValue).toArray();
        double[] sorted = r.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted.length == 0 ? Double.NaN : Summary.median(sorted);
        Interval ci = MedianInterval.of(r, Summary.CONFIDENCE);
        double[] b = finite(baseValues);
        double[] c = finite(candValues);
        double p = b.length >= 2 && c.length >= 2 ? new TTest().tTest(b, c) : Double.NaN;
        return new Comparison(baseline, candidate, metric, ratios, median, ci, mean(b), mean(c), p);
    }

    private static double[] values(SortedMap<Integer, Double> byRound) {
        return byRound.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** NaN when empty, as {@link Summary#mean()} */
    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double[] finite(double[] values) {
        return java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    /** number of rounds paired */
    public int rounds() {
        return ratios.size();
    }

    /** 1 − 1/median ratio: the fraction of the baseline's figure the candidate saves (negative when it costs more) */
    public double timeSaved() {
        return 1 - 1 / medianRatio;
    }

    /** the median per-round ratio baseline / candidate: the point the headline and its CI are of */
    public double speedup() {
        return medianRatio;
    }

    /** "p &lt; 0.001", "p = 0.023", or "p n/a" */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "p n/a";
        }
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }
}
