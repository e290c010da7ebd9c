package workbench.reports.stats;

import java.util.ArrayList;
import java.util.List;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesRole;

/** Every series of a run against its baseline partner: same network, same swept settings, same status. */
public final class Comparisons {
    /** the strategy the workbench compares against unless told otherwise */
    public static final String DEFAULT_BASELINE = "scalar";

    private Comparisons() {
    }

    /**
     * each non-baseline series against the baseline strategy's series of equal key, on send time,
     * bootstrapped as the run's statistics settings say
     */
    public static List<SeriesComparison> against(Run run, String baselineStrategy) {
        return against(run, baselineStrategy, Metric.SEND_SECONDS, Bootstrap.of(run.manifest().settings().statistics()));
    }

    public static List<SeriesComparison> against(Run run, String baselineStrategy, Metric metric,
                                                 Bootstrap bootstrap) {
        // reference series (a ceiling, a baseline tool) are stated against, never paired as strategies
        List<Series> all = Series.of(run).stream().filter(s -> s.key().role() == SeriesRole.STRATEGY
                || s.key().role() == SeriesRole.UNVERIFIED).toList();
        List<SeriesComparison> out = new ArrayList<>();
        for (Series candidate : all) {
            if (candidate.key().strategy().equals(baselineStrategy)) {
                continue;
            }
            for (Series base : partners(all, candidate, baselineStrategy)) {
                out.add(new SeriesComparison(base, candidate, Comparison.of(base, candidate, metric, bootstrap)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The baseline series that ran beside a candidate: same network and status, and the same value
     * of every swept setting both carry. A setting only one of them carries (scalar's buffer size,
     * vectored's batch) does not split them, so one candidate may meet several baselines.
     */
    private static List<Series> partners(List<Series> all, Series candidate, String baselineStrategy) {
        var key = candidate.key();
        return all.stream().filter(s -> s.key().strategy().equals(baselineStrategy)
                && s.key().network().equals(key.network()) && s.status() == candidate.status()
                && agree(s.key().params(), key.params())).toList();
    }

    static boolean agree(java.util.Map<String, String> a, java.util.Map<String, String> b) {
        return a.entrySet().stream().allMatch(e -> !b.containsKey(e.getKey()) || b.get(e.getKey()).equals(e.getValue()));
    }

    /**
     * One comparison with the series it came from.
     *
     * @param baseline   the baseline series
     * @param candidate  the candidate series
     * @param comparison the figures
     */
    public record SeriesComparison(Series baseline, Series candidate, Comparison comparison) {
        /** where both ran: network, the swept settings of both, and "(unverified)" when no receiver checked them */
        public String context() {
            var key = candidate.key();
            StringBuilder s = new StringBuilder(key.network());
            java.util.Map<String, String> params = new java.util.TreeMap<>(baseline.key().params());
            params.putAll(key.params());
            params.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
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
