package workbench.reports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.SeriesRole;

/**
 * Every series of a run against its baseline partner: same network, same swept settings, same
 * status. A strategy listed again for an A/A check ("vectored#2", the second "vectored" of
 * {@code --strategies vectored,vectored}) is also paired with its first listing.
 */
public final class Comparisons {
    /** the strategy the workbench compares against unless told otherwise */
    public static final String DEFAULT_BASELINE = "scalar";
    /** the manifest setting naming the strategy a run's headline pairs the others against ({@code run --baseline}) */
    public static final String BASELINE_SETTING = "baseline";
    /** the CPU figures that get a paired headline of their own beside the time */
    public static final List<Metric> CPU_METRICS = List.of(Metric.SENDER_THREAD_CPU_PER_GIB, Metric.RECEIVER_PROCESS_CPU_PER_GIB);

    private Comparisons() {
    }

    /** the strategy {@code run}'s headline pairs the others against: its --baseline as recorded, else {@link #DEFAULT_BASELINE} */
    public static String baseline(Run run) {
        return run.manifest().settings().entry(BASELINE_SETTING).map(s -> s.values().get(0).trim())
                .filter(s -> !s.isEmpty()).orElse(DEFAULT_BASELINE);
    }

    /** each non-baseline series against the baseline strategy's series of equal key, on send time */
    public static List<SeriesComparison> against(Run run, String baselineStrategy) {
        return against(run, baselineStrategy, Metric.SEND_SECONDS);
    }

    public static List<SeriesComparison> against(Run run, String baselineStrategy, Metric metric) {
        // reference series (a ceiling, a baseline tool) are stated against, never paired as strategies
        List<Series> all = Series.of(run).stream().filter(s -> s.key().role() == SeriesRole.STRATEGY
                || s.key().role() == SeriesRole.UNVERIFIED).toList();
        double minEffect = Verdict.minEffect(run);
        List<SeriesComparison> out = new ArrayList<>();
        for (Series candidate : all) {
            String name = candidate.key().strategy();
            String first = SeriesKey.firstListing(name);
            List<String> against = new ArrayList<>();
            if (!name.equals(baselineStrategy)) {
                against.add(baselineStrategy);
            }
            if (!first.equals(name) && !first.equals(baselineStrategy)) {
                against.add(first);
            }
            for (String b : against) {
                for (Series base : partners(all, candidate, b)) {
                    out.add(new SeriesComparison(base, candidate, Comparison.of(base, candidate, metric), minEffect));
                }
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

    static boolean agree(Map<String, String> a, Map<String, String> b) {
        return a.entrySet().stream().allMatch(e -> !b.containsKey(e.getKey()) || b.get(e.getKey()).equals(e.getValue()));
    }

    /**
     * One comparison with the series it came from.
     *
     * @param baseline   the baseline series
     * @param candidate  the candidate series
     * @param comparison the figures on the compared metric (send time unless asked otherwise)
     * @param minEffect  the run's effect margin (--min-effect)
     */
    public record SeriesComparison(Series baseline, Series candidate, Comparison comparison, double minEffect) {
        /** where both ran: network, the swept settings of both, and "(unverified)" when no receiver checked them */
        public String context() {
            var key = candidate.key();
            StringBuilder s = new StringBuilder(key.network());
            Map<String, String> params = new TreeMap<>(baseline.key().params());
            params.putAll(key.params());
            params.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
            if (!candidate.verified()) {
                s.append(" (unverified)");
            }
            return s.toString();
        }

        /** what the compared metric lets us say */
        public Verdict verdict() {
            return Verdict.of(comparison, minEffect);
        }

        /** the same pair on each CPU figure that both series have in some round (the null network has no receiver) */
        public List<Verdict> cpuVerdicts() {
            return CPU_METRICS.stream().map(m -> Comparison.of(baseline, candidate, m)).filter(c -> c.rounds() > 0)
                    .map(c -> Verdict.of(c, minEffect)).toList();
        }

        /** "context: verdict" */
        public String sentence() {
            return context() + ": " + verdict().sentence();
        }

        /** the pair's checkpoint latency at p50 and p99, when both series ran checkpoints; none otherwise */
        public List<LatencyComparison> latency() {
            return LatencyComparison.of(this);
        }

        /**
         * The headline lines of this pair: the time, then each CPU figure, then for checkpoints each
         * latency quantile, e.g. "loopback: vectored saves …", "loopback: vectored uses 24.2% less
         * sender thread CPU per GiB than scalar …", "loopback: vectored's pause-to-ack latency p99 is …"
         */
        public List<String> sentences() {
            List<String> lines = new ArrayList<>();
            lines.add(sentence());
            for (Verdict v : cpuVerdicts()) {
                lines.add(context() + ": " + v.sentence());
            }
            latency().forEach(l -> lines.add(l.sentence()));
            return List.copyOf(lines);
        }
    }
}
