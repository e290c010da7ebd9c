package workbench.reports.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.StatisticsSettings;
import workbench.reports.stats.Bootstrap;
import workbench.reports.stats.Interval;
import workbench.reports.stats.Metric;
import workbench.reports.stats.Series;
import workbench.reports.stats.Summary;

/**
 * One series of a run against the same series of the reference run (the first given): how many
 * times the reference's mean send time the other's speed is. Runs are measured apart, so nothing
 * pairs their rounds: the interval is a percentile bootstrap of the ratio of means, each run's
 * trials resampled on their own ({@link Bootstrap}: a fixed seed, so the same runs always give the
 * same interval).
 *
 * @param reference the reference run's group
 * @param group     the other run's group
 * @param ours      the other run's series
 * @param theirs    the reference run's series
 * @param ratio     reference mean send time / our mean send time: above 1, ours is faster
 * @param ci        95% bootstrap interval of {@code ratio} (undefined with fewer than two trials a side)
 */
public record RunDelta(String reference, String group, Series ours, Series theirs, double ratio, Interval ci) {
    /** every series of each later run against its match in the first run */
    public static List<RunDelta> of(RunSet set) {
        List<RunDelta> out = new ArrayList<>();
        RunSet.Member first = set.members().get(0);
        List<Series> reference = Series.of(first.run());
        StatisticsSettings stats = first.run().manifest().settings().statistics();
        for (RunSet.Member m : set.members().subList(1, set.members().size())) {
            boolean sameNetworks = m.run().manifest().settings().networks().equals(first.run().manifest().settings().networks());
            for (Series ours : Series.of(m.run())) {
                reference.stream().filter(r -> matches(r, ours, sameNetworks)).findFirst()
                        .ifPresent(r -> out.add(of(first.group(), m.group(), ours, r, stats)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Same strategy, role, status and swept settings; the same network too unless the runs' networks
     * differ, when a series meets the reference's first series of its strategy (unix vectored
     * against loopback vectored).
     */
    private static boolean matches(Series reference, Series ours, boolean sameNetworks) {
        SeriesKey a = reference.key();
        SeriesKey b = ours.key();
        return a.strategy().equals(b.strategy()) && a.role() == b.role() && reference.status() == ours.status()
                && a.params().equals(b.params()) && (!sameNetworks || a.network().equals(b.network()));
    }

    static RunDelta of(String reference, String group, Series ours, Series theirs, StatisticsSettings stats) {
        double[] a = theirs.values(Metric.SEND_SECONDS);
        double[] b = ours.values(Metric.SEND_SECONDS);
        double ratio = Summary.of(a).mean() / Summary.of(b).mean();
        return new RunDelta(reference, group, ours, theirs, ratio, Bootstrap.meanRatio(a, b, stats.confidence()));
    }

    public RunDelta {
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(theirs, "theirs");
    }

    /**
     * "net=unix: unix vectored runs at 1.48× the speed of loopback vectored (net=loopback): mean send
     * time 0.0213 s vs 0.0315 s, 95% CI 1.30–1.70× (bootstrap of the ratio of means; the runs were
     * measured apart, so unpaired)"
     */
    public String sentence() {
        String interval = ci.defined() ? format(", 95%% CI %.2f–%.2f×", ci.low(), ci.high()) : ", no CI (fewer than 2 trials)";
        return format("%s: %s runs at %.2f× the speed of %s (%s): mean send time %.4f s vs %.4f s%s "
                        + "(bootstrap of the ratio of means; the runs were measured apart, so unpaired)", group, ours.label(),
                ratio, theirs.label(), reference, Summary.of(ours.values(Metric.SEND_SECONDS)).mean(),
                Summary.of(theirs.values(Metric.SEND_SECONDS)).mean(), interval);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
