package workbench.reports.stats;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.TrialStatus;

/**
 * The statistics of one series: a {@link Summary} of every {@link Metric} over its measured trials.
 *
 * @param key       what the trials measured
 * @param status    VERIFIED or UNVERIFIED (never mixed)
 * @param summaries one summary per metric
 */
public record SeriesSummary(SeriesKey key, TrialStatus status, Map<Metric, Summary> summaries) {
    public SeriesSummary {
        EnumMap<Metric, Summary> all = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            all.put(m, summaries.getOrDefault(m, Summary.EMPTY));
        }
        summaries = Collections.unmodifiableMap(all);
    }

    public static SeriesSummary of(Series series) {
        Map<Metric, Summary> all = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            all.put(m, Summary.of(series.values(m)));
        }
        return new SeriesSummary(series.key(), series.status(), all);
    }

    /** every series of the run, in order of first appearance */
    public static List<SeriesSummary> of(Run run) {
        return Series.of(run).stream().map(SeriesSummary::of).toList();
    }

    public Summary get(Metric metric) {
        return summaries.get(metric);
    }

    /** number of measured trials */
    public int n() {
        return get(Metric.SEND_SECONDS).n();
    }

    public boolean verified() {
        return status == TrialStatus.VERIFIED;
    }

    /** the key's label, with " (unverified)" appended when no receiver checked the trials */
    public String label() {
        return key.label() + (verified() ? "" : " (unverified)");
    }

    public Summary sendTime() {
        return get(Metric.SEND_SECONDS);
    }

    public Summary transferTime() {
        return get(Metric.TRANSFER_SECONDS);
    }

    public Summary gbitPerSecond() {
        return get(Metric.GBIT_PER_SECOND);
    }

    public Summary mibPerSecond() {
        return get(Metric.MIB_PER_SECOND);
    }
}
