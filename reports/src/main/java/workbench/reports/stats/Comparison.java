package workbench.reports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * A candidate series against a baseline, on one time metric (send time unless said otherwise).
 *
 * <p>The headline figure is robust: the per-round ratio baseline time / candidate time, paired by
 * round, its median, and a percentile bootstrap 95% CI of that median. The classical check is
 * Welch's t-test on the two means. Time saved = 1 − t_c/t_b and speedup = t_b/t_c use the means.
 *
 * @param baseline      name of the baseline in sentences (e.g. "scalar")
 * @param candidate     name of the candidate (e.g. "vectored")
 * @param metric        the time compared
 * @param ratios        per-round ratios t_b/t_c, in round order, over rounds both series ran
 * @param medianRatio   median of {@code ratios} (NaN without pairs)
 * @param ratioCi       bootstrap 95% CI of the median ratio (undefined with fewer than two pairs)
 * @param baselineMean  mean baseline time
 * @param candidateMean mean candidate time
 * @param welchP        two-sided p-value of Welch's t-test (NaN with fewer than two values a side)
 */
public record Comparison(String baseline, String candidate, Metric metric, List<Double> ratios, double medianRatio,
                         Interval ratioCi, double baselineMean, double candidateMean, double welchP) {
    public Comparison {
        ratios = List.copyOf(ratios);
    }

    /** compares two series on send time, with the default bootstrap */
    public static Comparison of(Series baseline, Series candidate) {
        return of(baseline, candidate, Metric.SEND_SECONDS, Bootstrap.DEFAULT);
    }

    public static Comparison of(Series baseline, Series candidate, Metric metric, Bootstrap bootstrap) {
        return compute(baseline.key().strategy(), candidate.key().strategy(), metric,
                baseline.byRound(metric), candidate.byRound(metric),
                baseline.values(metric), candidate.values(metric), bootstrap);
    }

    /** compares two sets of per-round times (one value per round), e.g. from another tool */
    public static Comparison paired(String baseline, String candidate, SortedMap<Integer, Double> baselineByRound,
                                    SortedMap<Integer, Double> candidateByRound, Bootstrap bootstrap) {
        return compute(baseline, candidate, Metric.SEND_SECONDS, baselineByRound, candidateByRound,
                values(baselineByRound), values(candidateByRound), bootstrap);
    }

    private static Comparison compute(String baseline, String candidate, Metric metric,
                                      SortedMap<Integer, Double> baseRounds, SortedMap<Integer, Double> candRounds,
                                      double[] baseValues, double[] candValues, Bootstrap bootstrap) {
        List<Double> ratios = new ArrayList<>();
        baseRounds.forEach((round, b) -> {
            Double c = candRounds.get(round);
            if (c != null) {
                ratios.add(b / c);
            }
        });
        double[] r = ratios.stream().mapToDouble(Double::doubleValue).toArray();
        double median = Summary.of(r).median();
        Interval ci = bootstrap.medianCi(r);
        double p = baseValues.length >= 2 && candValues.length >= 2
                ? new TTest().tTest(baseValues, candValues) : Double.NaN;
        return new Comparison(baseline, candidate, metric, ratios, median, ci,
                Summary.of(baseValues).mean(), Summary.of(candValues).mean(), p);
    }

    private static double[] values(SortedMap<Integer, Double> byRound) {
        return byRound.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** number of rounds paired */
    public int rounds() {
        return ratios.size();
    }

    /** 1 − t_c/t_b: the fraction of the baseline's time the candidate saves (negative when slower) */
    public double timeSaved() {
        return 1 - candidateMean / baselineMean;
    }

    /** t_b/t_c from the means */
    public double speedup() {
        return baselineMean / candidateMean;
    }

    /**
     * The sentence of DESIGN.md, e.g. "vectored saves 42.5% of scalar's time (speedup 1.74×, 95% CI
     * 1.68–1.80×, paired over 10 rounds; Welch p &lt; 0.001)"; a slower candidate "costs 12.0% more
     * than scalar's time". The CI is left out when fewer than two rounds paired.
     */
    public String headline() {
        double saved = timeSaved();
        String effect = saved >= 0
                ? format("%s saves %.1f%% of %s's time", candidate, 100 * saved, baseline)
                : format("%s costs %.1f%% more than %s's time", candidate, -100 * saved, baseline);
        String ci = ratioCi.defined() ? format(", 95%% CI %.2f–%.2f×", ratioCi.low(), ratioCi.high()) : "";
        return format("%s (speedup %.2f×%s, paired over %d round%s; Welch %s)", effect, speedup(), ci,
                rounds(), rounds() == 1 ? "" : "s", pValue(welchP));
    }

    /** "p &lt; 0.001", "p = 0.023", or "p n/a" */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "p n/a";
        }
        return p < 0.001 ? "p < 0.001" : format("p = %.3f", p);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
