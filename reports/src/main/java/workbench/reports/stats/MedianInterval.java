package workbench.reports.stats;

import java.util.Arrays;

/**
 * The distribution-free confidence interval of a median from order statistics: with n values, the
 * k-th smallest and k-th largest, k the largest rank whose two tails, each P(Binomial(n, ½) &lt; k),
 * sum to at most 1 − confidence. It holds its level for any continuous distribution, so a headline
 * built on it claims a difference no more often than the level says (a percentile bootstrap of the
 * median runs 1–3 points over at 5–20 values). It needs {@link #minValues} values: at 95%, six
 * (five values put all on one side with probability 2/32 &gt; 5%).
 */
public final class MedianInterval {
    private MedianInterval() {
    }

    /** the interval at {@code confidence}; undefined with fewer than {@link #minValues} values or any NaN */
    public static Interval of(double[] values, double confidence) {
        int k = rank(values.length, confidence);
        if (k < 1 || Arrays.stream(values).anyMatch(Double::isNaN)) {
            return Interval.UNDEFINED;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Interval(sorted[k - 1], sorted[sorted.length - k]);
    }

    /** the fewest values that give an interval at {@code confidence} (6 at 95%) */
    public static int minValues(double confidence) {
        int n = 1;
        while (rank(n, confidence) < 1) {
            n++;
        }
        return n;
    }

    /** the actual coverage of the interval over n values (at least {@code confidence}; NaN when there is none) */
    public static double coverage(int n, double confidence) {
        int k = rank(n, confidence);
        return k < 1 ? Double.NaN : 1 - 2 * lowerTail(n, k - 1);
    }

    /** the largest k with 2·P(B ≤ k − 1) ≤ 1 − confidence, B ~ Binomial(n, ½); 0 when even k = 1 fails */
    private static int rank(int n, double confidence) {
        double alpha = 1 - confidence;
        int k = 0;
        while (k + 1 <= (n + 1) / 2 && 2 * lowerTail(n, k) <= alpha + 1e-12) {
            k++;
        }
        return k;
    }

    /** P(B ≤ k) for B ~ Binomial(n, ½), summed in log space so large n does not underflow */
    private static double lowerTail(int n, int k) {
        double logPmf = -n * Math.log(2);
        double sum = 0;
        for (int i = 0; i <= k; i++) {
            sum += Math.exp(logPmf);
            logPmf += Math.log(n - i) - Math.log(i + 1);
        }
        return sum;
    }
}
