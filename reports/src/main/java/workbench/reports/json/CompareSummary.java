package workbench.reports.json;

import java.util.List;
import java.util.Map;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.TrialStatus;
import workbench.reports.stats.Interval;

/**
 * summary.json of {@code workbench compare}: each run's own summary under its group name, and each
 * later run's series against the same series of the first run. Built by {@link SummaryJson}.
 *
 * @param schema    version of this layout ({@link SummaryJson#SCHEMA})
 * @param kind      "compare"
 * @param naming    the settings whose values name the groups
 * @param differing every setting or machine fact that differs between the runs
 * @param groups    one per run, in the order given
 * @param deltas    each later run's series against its match in the first run
 * @param warnings  what the comparison itself warns of (runs whose guest RAM differs); each run's own are in its summary
 */
public record CompareSummary(int schema, String kind, List<String> naming, List<String> differing, List<Group> groups,
                             List<Delta> deltas, List<String> warnings) {
    public CompareSummary {
        naming = List.copyOf(naming);
        differing = List.copyOf(differing);
        groups = List.copyOf(groups);
        deltas = List.copyOf(deltas);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param group    the group's name, from the settings that differ
     * @param runId    the run's id
     * @param settings the run's values of the differing settings, by name
     * @param summary  the run's own summary.json
     */
    public record Group(String group, String runId, Map<String, String> settings, RunSummary summary) {
        public Group {
            settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        }
    }

    /**
     * One series of a later run against the same series of the first: unpaired (the runs were measured apart).
     *
     * @param reference       the first run's group
     * @param group           the later run's group
     * @param series          the later run's series
     * @param referenceSeries the first run's series it is set against
     * @param status          verified or unverified
     * @param ratio           reference mean send time / this mean send time: above 1, the later run is faster
     * @param ci              the 95% percentile bootstrap interval of {@code ratio} (fixed seed; "NaN" ends with
     *                        fewer than two trials a side)
     * @param meanSendSeconds          mean send time of {@code series}
     * @param referenceMeanSendSeconds mean send time of {@code referenceSeries}
     * @param sentence        as the compare report prints it
     */
    public record Delta(String reference, String group, SeriesKey series, SeriesKey referenceSeries, TrialStatus status,
                        double ratio, Interval ci, double meanSendSeconds, double referenceMeanSendSeconds,
                        String sentence) {
    }
}
