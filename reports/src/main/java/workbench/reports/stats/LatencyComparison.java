package workbench.reports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import workbench.reports.model.LiveFigures;
import workbench.reports.model.TrialResult;

/**
 * A candidate's pause-to-ack latency against its baseline's at one quantile of the checkpoints
 * (p50, and p99 for the tail): the ratio candidate / baseline, below 1 when the candidate is
 * quicker. The point and its interval are always of one statistic:
 * <ul>
 * <li><b>paired</b>, with at least {@link MedianInterval#minValues} rounds in which both ran: per
 * round the ratio of the two trials' quantiles, the median of those ratios, and the
 * distribution-free CI of that median (order statistics), as the bulk headline;</li>
 * <li><b>unpaired</b>, with fewer (one trial a strategy): the ratio of the quantiles of each
 * series' checkpoints pooled over its trials, with a percentile bootstrap CI of that same ratio,
 * each side's checkpoints resampled on their own ({@link Bootstrap}); no CI when a side has fewer
 * than {@link Quantile#minValues} checkpoints. Checkpoints are not independent (one stall can span
 * several), so this CI is a guide, not a test.</li>
 * </ul>
 * Verdicts use the run's margin (--min-effect) as the bulk ones do ({@link Verdict#outcome}).
 *
 * @param context             where both ran (as the bulk headline's context: network and swept settings)
 * @param baseline            the baseline strategy
 * @param candidate           the candidate strategy
 * @param quantile            0.5 for p50, 0.99 for p99
 * @param paired              true when paired by round, false for the pooled, unpaired ratio
 * @param ratio               the point: median per-round ratio (paired) or the ratio of pooled quantiles (unpaired)
 * @param ci                  its 95% CI; undefined when the figures do not give one
 * @param rounds              rounds in which both series ran checkpoints
 * @param baselineCheckpoints the baseline's checkpoints over its measured trials
 * @param candidateCheckpoints the candidate's
 * @param baselineLatency     the baseline's pooled quantile (s)
 * @param candidateLatency    the candidate's pooled quantile (s)
 * @param outcome             what the interval lets us say
 * @param minEffect           the margin m
 */
public record LatencyComparison(String context, String baseline, String candidate, double quantile, boolean paired,
                                double ratio, Interval ci, int rounds, int baselineCheckpoints, int candidateCheckpoints,
                                double baselineLatency, double candidateLatency, Verdict.Outcome outcome, double minEffect) {
    /** the quantiles every checkpoint pair gets a headline on: the median and the tail */
    public static final List<Double> QUANTILES = List.of(0.5, 0.99);

    /** how the latency headlines are computed, as the reports say it */
    public static final String NOTE = "Latency headlines: candidate / baseline pause-to-ack latency at p50 and p99 (below"
            + " 1: the candidate acknowledges sooner). With at least " + MedianInterval.minValues(Summary.CONFIDENCE)
            + " paired rounds, the median of the per-round ratios of each round's quantile with its distribution-free 95% CI;"
            + " with fewer, the ratio of the quantiles of each strategy's checkpoints pooled over its trials, with a"
            + " percentile bootstrap 95% CI of that ratio (" + Bootstrap.RESAMPLES + " resamples, fixed seed, each side's"
            + " checkpoints resampled on their own: unpaired). Checkpoints are not independent (one stall can span"
            + " several), so that CI is a guide, not a test; it needs " + Quantile.minValues(0.5, Summary.CONFIDENCE)
            + " checkpoints a side for a p50, " + Quantile.minValues(0.99, Summary.CONFIDENCE) + " for a p99.";

    /** the pair's latency headlines, one per {@link #QUANTILES}; none unless both series ran checkpoints */
    public static List<LatencyComparison> of(Comparisons.SeriesComparison pair) {
        double[] base = LiveSummary.latencies(pair.baseline());
        double[] cand = LiveSummary.latencies(pair.candidate());
        if (base.length == 0 || cand.length == 0) {
            return List.of();
        }
        SortedMap<Integer, double[]> baseRounds = byRound(pair.baseline());
        SortedMap<Integer, double[]> candRounds = byRound(pair.candidate());
        List<LatencyComparison> out = new ArrayList<>();
        for (double q : QUANTILES) {
            List<Double> ratios = new ArrayList<>();
            baseRounds.forEach((round, b) -> {
                double[] c = candRounds.get(round);
                double r = c == null ? Double.NaN : Quantile.of(c, q) / Quantile.of(b, q);
                if (Double.isFinite(r) && r > 0) {
                    ratios.add(r);
                }
            });
            double[] r = ratios.stream().mapToDouble(Double::doubleValue).toArray();
            boolean paired = r.length >= MedianInterval.minValues(Summary.CONFIDENCE);
            double point = paired ? Quantile.of(r, 0.5) : Quantile.of(cand, q) / Quantile.of(base, q);
            Interval ci = paired ? MedianInterval.of(r, Summary.CONFIDENCE)
                    : Bootstrap.quantileRatio(cand, base, q, Summary.CONFIDENCE);
            out.add(new LatencyComparison(pair.context(), pair.baseline().key().strategy(), pair.candidate().key().strategy(),
                    q, paired, point, ci, r.length, base.length, cand.length, Quantile.of(base, q), Quantile.of(cand, q),
                    Verdict.outcome(ci, pair.minEffect()), pair.minEffect()));
        }
        return List.copyOf(out);
    }

    /** each round's checkpoint latencies (several trials of one round pooled) */
    private static SortedMap<Integer, double[]> byRound(Series s) {
        SortedMap<Integer, List<Double>> rounds = new TreeMap<>();
        for (TrialResult t : s.trials()) {
            t.liveFigures().flatMap(LiveFigures::checkpointFigures)
                    .ifPresent(c -> rounds.computeIfAbsent(t.round(), r -> new ArrayList<>()).addAll(c.latencies()));
        }
        SortedMap<Integer, double[]> out = new TreeMap<>();
        rounds.forEach((round, l) -> out.put(round, l.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    /**
     * <ul>
     * <li>"loopback: vectored's pause-to-ack latency p99 is 0.18× scalar's (8.44 vs 46.60 ms, ratio of the p99s of 400
     * and 400 checkpoints pooled per strategy, 95% CI 0.15–0.25×, bootstrap over checkpoints; unpaired: 1 paired round,
     * a paired CI needs 6)"</li>
     * <li>"loopback: pause-to-ack latency p50, vectored vs scalar: no significant difference (1.05×: 1.92 vs 1.83 ms: …)"</li>
     * <li>"loopback: vectored's pause-to-ack latency p50 is 0.65× scalar's (median of 6 per-round ratios of each round's
     * p50, 95% CI 0.40–0.90×)"</li>
     * <li>"loopback: pause-to-ack latency p50, vectored vs scalar: equivalent within ±2% (ratio 1.00×, median of 10
     * per-round ratios of each round's p50, 95% CI 0.99–1.01×)"</li>
     * </ul>
     */
    public String sentence() {
        String p = Quantile.name(quantile);
        String claim = outcome == Verdict.Outcome.CLAIM
                ? format("%s's pause-to-ack latency %s is %.2f× %s's", candidate, p, ratio, baseline)
                : format("pause-to-ack latency %s, %s vs %s: %s", p, candidate, baseline, Verdict.words(outcome, minEffect));
        String confidence = format("%.0f%% CI", 100 * Summary.CONFIDENCE);
        String named = outcome == Verdict.Outcome.CLAIM ? "" : format("%.2f×", ratio); // a claim names the ratio already
        String detail;
        if (paired) {
            detail = format("%smedian of %d per-round ratios of each round's %s, %s %.2f–%.2f×",
                    named.isEmpty() ? "" : "ratio " + named + ", ", rounds, p, confidence, ci.low(), ci.high());
        } else {
            String interval = ci.defined()
                    ? format(", %s %.2f–%.2f×, bootstrap over checkpoints", confidence, ci.low(), ci.high())
                    : format("; a %s of a %s needs at least %d checkpoints a side", confidence, p,
                    Quantile.minValues(quantile, Summary.CONFIDENCE));
            String point = named.isEmpty() ? "" : named + ": ";
            detail = format("%s%.2f vs %.2f ms, ratio of the %ss of %d and %d checkpoints pooled per strategy%s;"
                            + " unpaired: %d paired round%s, a paired CI needs %d", point, 1e3 * candidateLatency,
                    1e3 * baselineLatency, p, candidateCheckpoints, baselineCheckpoints, interval, rounds,
                    rounds == 1 ? "" : "s", MedianInterval.minValues(Summary.CONFIDENCE));
        }
        return context + ": " + claim + " (" + detail + ")";
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
