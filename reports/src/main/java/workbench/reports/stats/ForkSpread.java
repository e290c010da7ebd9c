package workbench.reports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import workbench.reports.model.Run;
import workbench.reports.model.TrialResult;

/**
 * The variance between JVMs of a run with --forks, as JMH shows it: per series, the median send
 * time of each fork, how much those medians spread (the between-fork CV) beside the spread of the
 * trials within a fork (the mean within-fork CV). A between-fork CV well above the within-fork one
 * says a JVM start decides more than the trial does: raise --forks rather than --trials.
 *
 * @param series      the series
 * @param forkMedians each fork's median send time, by fork
 * @param between     CV of the fork medians
 * @param within      mean CV of the trials inside each fork (forks with two trials or more)
 */
public record ForkSpread(Series series, SortedMap<Integer, Double> forkMedians, double between, double within) {
    /** one spread per series that ran in more than one fork; none for a run of one fork */
    public static List<ForkSpread> of(Run run) {
        List<ForkSpread> out = new ArrayList<>();
        for (Series s : Series.of(run)) {
            SortedMap<Integer, List<TrialResult>> byFork = s.trials().stream()
                    .collect(Collectors.groupingBy(TrialResult::fork, TreeMap::new, Collectors.toList()));
            if (byFork.size() < 2) {
                continue;
            }
            SortedMap<Integer, Double> medians = new TreeMap<>();
            double cvSum = 0;
            int cvs = 0;
            for (var e : byFork.entrySet()) {
                Summary within = Summary.of(e.getValue().stream().mapToDouble(Metric.SEND_SECONDS::of).toArray());
                medians.put(e.getKey(), within.median());
                if (Double.isFinite(within.cv())) {
                    cvSum += within.cv();
                    cvs++;
                }
            }
            double between = Summary.of(medians.values().stream().mapToDouble(Double::doubleValue).toArray()).cv();
            out.add(new ForkSpread(s, medians, between, cvs == 0 ? Double.NaN : cvSum / cvs));
        }
        return List.copyOf(out);
    }

    /** "loopback vectored: fork medians 0.221, 0.230, 0.219 s (between forks CV 2.6%, within forks CV 8.1%)" */
    public String sentence() {
        String medians = forkMedians.values().stream().map(m -> String.format(Locale.ROOT, "%.3f", m))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s: fork medians %s s (between forks CV %.1f%%, within forks CV %s)",
                series.label(), medians, between * 100, Double.isFinite(within) ? String.format(Locale.ROOT, "%.1f%%", within * 100)
                        : "n/a");
    }
}
