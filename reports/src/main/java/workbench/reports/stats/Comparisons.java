package workbench.reports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import workbench.reports.model.Run;

/** Every series of a run against its baseline partner: same network, same swept settings, same status. */
public final class Comparisons {
    /** the strategy the workbench compares against unless told otherwise */
    public static final String DEFAULT_BASELINE = "scalar";

    private Comparisons() {
    }

    /** each non-baseline series against the baseline strategy's series of equal key, on send time */
    public static List<SeriesComparison> against(Run run, String baselineStrategy) {
        return against(run, baselineStrategy, Metric.SEND_SECONDS, Bootstrap.DEFAULT);
    }

    public static List<SeriesComparison> against(Run run, String baselineStrategy, Metric metric,
                                                 Bootstrap bootstrap) {
        List<Series> all = Series.of(run);
        List<SeriesComparison> out = new ArrayList<>();
        for (Series candidate : all) {
            if (candidate.key().strategy().equals(baselineStrategy)) {
                continue;
            }
            partner(all, candidate, baselineStrategy).ifPresent(base -> out.add(
                    new SeriesComparison(base, candidate, Comparison.of(base, candidate, metric, bootstrap))));
        }
        return List.copyOf(out);
    }

    private static Optional<Series> partner(List<Series> all, Series candidate, String baselineStrategy) {
        var key = candidate.key().withStrategy(baselineStrategy);
        return all.stream().filter(s -> s.key().equals(key) && s.status() == candidate.status()).findFirst();
    }

    /**
     * One comparison with the series it came from.
     *
     * @param baseline   the baseline series
     * @param candidate  the candidate series
     * @param comparison the figures
     */
    public record SeriesComparison(Series baseline, Series candidate, Comparison comparison) {
        /** where both ran: network, swept settings, and "(unverified)" when no receiver checked them */
        public String context() {
            var key = candidate.key();
            StringBuilder s = new StringBuilder(key.network());
            key.params().forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
            if (!candidate.verified()) {
                s.append(" (unverified)");
            }
            return s.toString();
        }

        /** "context: headline" */
        public String sentence() {
            return context() + ": " + comparison.headline();
        }
    }
}
