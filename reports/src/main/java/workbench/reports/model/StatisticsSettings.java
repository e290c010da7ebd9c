package workbench.reports.model;

/**
 * How a run's figures are summarised. Paired ratios get the distribution-free interval of their
 * median (order statistics, {@code workbench.reports.stats.MedianInterval}), which needs no seed;
 * run.json files that still carry the bootstrap's resamples and seed of schema 2 read as this.
 *
 * @param confidence confidence level of intervals (0..1)
 */
public record StatisticsSettings(double confidence) {
    /** 95% */
    public static final StatisticsSettings DEFAULT = new StatisticsSettings(0.95);

    public StatisticsSettings {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("statistics need a confidence in (0, 1), got " + confidence);
        }
    }
}
