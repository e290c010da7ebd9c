package workbench.reports.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;

/**
 * The measured trials of one series: equal {@link SeriesKey} and equal status class. Warm-up and
 * failed trials are left out; verified and unverified trials of one key form two series, so an
 * unverified figure is never averaged with a verified one.
 *
 * @param key    what the trials measured
 * @param status {@link TrialStatus#VERIFIED} or {@link TrialStatus#UNVERIFIED}
 * @param trials the trials, in the order they ran
 */
public record Series(SeriesKey key, TrialStatus status, List<TrialResult> trials) {
    public Series {
        if (status == TrialStatus.FAILED) {
            throw new IllegalArgumentException("a series holds no failed trials");
        }
        trials = List.copyOf(trials);
    }

    /** every series of a run, in order of first appearance of their first measured trial */
    public static List<Series> of(Run run) {
        Map<Group, List<TrialResult>> groups = new LinkedHashMap<>();
        for (TrialResult t : run.trials()) {
            if (t.measured()) {
                groups.computeIfAbsent(new Group(t.series(), t.status()), g -> new ArrayList<>()).add(t);
            }
        }
        return groups.entrySet().stream()
                .map(e -> new Series(e.getKey().key(), e.getKey().status(), e.getValue()))
                .toList();
    }

    public boolean verified() {
        return status == TrialStatus.VERIFIED;
    }

    /** the key's label, with " (unverified)" appended when no receiver checked the trials */
    public String label() {
        return key.label() + (verified() ? "" : " (unverified)");
    }

    public double[] values(Metric metric) {
        return trials.stream().mapToDouble(metric::of).toArray();
    }

    /** one value per round; a round that holds several trials of this series gets their mean */
    public SortedMap<Integer, Double> byRound(Metric metric) {
        SortedMap<Integer, double[]> sums = new TreeMap<>();
        for (TrialResult t : trials) {
            double[] sum = sums.computeIfAbsent(t.round(), r -> new double[2]);
            sum[0] += metric.of(t);
            sum[1]++;
        }
        SortedMap<Integer, Double> means = new TreeMap<>();
        sums.forEach((round, sum) -> means.put(round, sum[0] / sum[1]));
        return means;
    }

    private record Group(SeriesKey key, TrialStatus status) {
    }
}
