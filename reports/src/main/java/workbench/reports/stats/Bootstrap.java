package workbench.reports.stats;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import workbench.reports.model.StatisticsSettings;

/**
 * Percentile bootstrap of the median: resample the values with replacement {@code resamples}
 * times, take each resample's median, and report the 2.5th and 97.5th percentiles of those
 * medians (nearest rank). The generator is seeded, so a given seed always gives the same interval.
 *
 * @param resamples number of resamples (at least 1)
 * @param seed      seed of the resampling generator (Well19937c)
 */
public record Bootstrap(int resamples, long seed) {
    /** the seed of {@link StatisticsSettings#DEFAULT}, which holds the default resamples and seed */
    public static final long DEFAULT_SEED = StatisticsSettings.DEFAULT.bootstrapSeed();
    public static final Bootstrap DEFAULT = of(StatisticsSettings.DEFAULT);

    public Bootstrap {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
    }

    /** the bootstrap a run's statistics settings ask for */
    public static Bootstrap of(StatisticsSettings settings) {
        return new Bootstrap(settings.bootstrapResamples(), settings.bootstrapSeed());
    }

    /** the 95% interval of the median; undefined with fewer than two values */
    public Interval medianCi(double[] values) {
        int n = values.length;
        if (n < 2) {
            return Interval.UNDEFINED;
        }
        RandomGenerator random = new Well19937c(seed);
        double[] medians = new double[resamples];
        double[] sample = new double[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                sample[i] = values[random.nextInt(n)];
            }
            Arrays.sort(sample);
            medians[b] = Summary.median(sample);
        }
        Arrays.sort(medians);
        double tail = (1 - Summary.CONFIDENCE) / 2;
        return new Interval(medians[rank(tail)], medians[rank(1 - tail)]);
    }

    private int rank(double quantile) {
        int k = (int) Math.ceil(quantile * resamples - 1e-9);
        return Math.max(0, Math.min(resamples - 1, k - 1));
    }
}
