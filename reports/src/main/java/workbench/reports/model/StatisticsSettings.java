package workbench.reports.model;

/**
 * How a run's figures are summarised.
 *
 * @param confidence         confidence level of intervals (0..1)
 * @param bootstrapResamples resamples of the percentile bootstrap of paired ratios
 * @param bootstrapSeed      seed of the bootstrap's RNG: same run, same intervals
 */
public record StatisticsSettings(double confidence, int bootstrapResamples, long bootstrapSeed) {
    /** 95%, and the resamples and seed of {@code workbench.reports.stats.Bootstrap#DEFAULT} */
    public static final StatisticsSettings DEFAULT = new StatisticsSettings(0.95, 10_000, 20100415L);

    public StatisticsSettings {
        if (!(confidence > 0 && confidence < 1) || bootstrapResamples < 1) {
            throw new IllegalArgumentException("statistics need a confidence in (0, 1) and at least one resample, got "
                    + confidence + " and " + bootstrapResamples);
        }
    }
}
