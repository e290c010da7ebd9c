package workbench.reports.stats;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Percentile bootstrap of a ratio of two statistics of samples measured apart (nothing pairs
 * them): each sample resampled on its own, {@link #RESAMPLES} times from the fixed {@link #SEED},
 * so the same figures always give the same interval.
 */
public final class Bootstrap {
    /** bootstrap resamples of an interval */
    public static final int RESAMPLES = 10_000;
    /** the generator's seed (Well19937c) */
    public static final long SEED = 20100415L;

    private Bootstrap() {
    }

    /** one resample's statistic: {@code values} drawn n times with replacement from {@code random} */
    @FunctionalInterface
    interface Statistic {
        double resampled(double[] values, RandomGenerator random);
    }

    /** the interval of mean(a) / mean(b); undefined with fewer than two values a side */
    public static Interval meanRatio(double[] a, double[] b, double confidence) {
        return a.length < 2 || b.length < 2 ? Interval.UNDEFINED : ratio(a, b, Bootstrap::resampledMean, confidence);
    }

    /**
     * the interval of {@link Quantile#of}(a, q) / {@link Quantile#of}(b, q); undefined when a side has
     * fewer than {@link Quantile#minValues} values (its range could not cover the quantile at the level)
     */
    public static Interval quantileRatio(double[] a, double[] b, double q, double confidence) {
        int least = Quantile.minValues(q, confidence);
        if (a.length < least || b.length < least) {
            return Interval.UNDEFINED;
        }
        double[] sa = a.clone();
        double[] sb = b.clone();
        Arrays.sort(sa);
        Arrays.sort(sb);
        return ratio(sa, sb, (v, random) -> resampledQuantile(v, q, random), confidence);
    }

    static Interval ratio(double[] a, double[] b, Statistic statistic, double confidence) {
        RandomGenerator random = new Well19937c(SEED);
        double[] ratios = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            ratios[r] = statistic.resampled(a, random) / statistic.resampled(b, random);
        }
        Arrays.sort(ratios);
        double tail = (1 - confidence) / 2;
        return new Interval(ratios[rank(tail)], ratios[rank(1 - tail)]);
    }

    private static double resampledMean(double[] v, RandomGenerator random) {
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[random.nextInt(v.length)];
        }
        return sum / v.length;
    }

    /**
     * The q-quantile of one resample of {@code sorted} (ascending) without sorting it: the resample
     * sorted is each value repeated as often as it was drawn, so its order statistics are found by
     * walking the draw counts. O(n) a resample.
     */
    static double resampledQuantile(double[] sorted, double q, RandomGenerator random) {
        int n = sorted.length;
        int[] drawn = new int[n];
        for (int i = 0; i < n; i++) {
            drawn[random.nextInt(n)]++;
        }
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        double low = orderStatistic(sorted, drawn, lo);
        double high = lo + 1 < n ? orderStatistic(sorted, drawn, lo + 1) : low;
        return low + (h - lo) * (high - low);
    }

    /** the k-th smallest (from 0) of the resample that drew sorted[i] drawn[i] times */
    private static double orderStatistic(double[] sorted, int[] drawn, int k) {
        int seen = 0;
        for (int i = 0; i < sorted.length; i++) {
            seen += drawn[i];
            if (seen > k) {
                return sorted[i];
            }
        }
        return sorted[sorted.length - 1];
    }

    private static int rank(double quantile) {
        int k = (int) Math.ceil(quantile * RESAMPLES - 1e-9);
        return Math.max(0, Math.min(RESAMPLES - 1, k - 1));
    }
}
