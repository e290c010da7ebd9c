package workbench.reports.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.TrialStatus;
import workbench.reports.stats.Interval;
import workbench.reports.stats.LiveSummary;
import workbench.reports.stats.Summary;
import workbench.reports.stats.Verdict;

/**
 * summary.json of one run: every figure the console, summary.md and report.html show, as numbers
 * (the analogue of hyperfine's {@code --export-json}). Built by {@link SummaryJson} from the same
 * statistics those read; the sentences are theirs word for word. Names are lowerCamelCase as in
 * run.json, metric keys are {@code Metric.column()} (as trials.csv's columns), enum values lower case.
 *
 * @param schema       version of this layout ({@link SummaryJson#SCHEMA})
 * @param kind         "run" ("compare" is {@link CompareSummary})
 * @param runId        the run's id (its directory's name)
 * @param complete     false while the run goes on or when it stopped early: figures cover the trials so far
 * @param error        why the run stopped early; absent otherwise
 * @param confidence   confidence level of every interval (0.95)
 * @param minEffect    the effect margin m of the verdicts (--min-effect): ratios in [1/(1+m), 1+m] count as equal
 * @param baseline     the strategy every pair is compared against
 * @param note         how the headlines are computed, as the reports say it
 * @param series       each series' statistics, in order of first appearance
 * @param pairs        each series against its baseline partner: the headlines
 * @param ceilings     each strategy series as a fraction of a ceiling measured beside it
 * @param baselines    each strategy series' time as a multiple of a verified baseline's (a QEMU migration) measured beside it
 * @param achievedRates each network's achieved end-to-end rate
 * @param forks        the spread between JVM starts of series that ran in several forks (--forks)
 * @param warnings     every warning the run raises
 */
public record RunSummary(int schema, String kind, String runId, boolean complete,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String error, double confidence, double minEffect,
                         String baseline, String note, List<SeriesFigures> series, List<Pair> pairs,
                         List<CeilingFraction> ceilings, List<BaselineRatio> baselines, List<AchievedRate> achievedRates, List<ForkFigures> forks,
                         List<WarningFigures> warnings) {
    public RunSummary {
        series = List.copyOf(series);
        pairs = List.copyOf(pairs);
        ceilings = List.copyOf(ceilings);
        baselines = List.copyOf(baselines);
        achievedRates = List.copyOf(achievedRates);
        forks = List.copyOf(forks);
        warnings = List.copyOf(warnings);
    }

    /**
     * One series' measured trials.
     *
     * @param series  what the trials measured (as run.json's trial {@code series})
     * @param status  verified or unverified (never mixed)
     * @param label   the series as tables name it ("loopback vectored batch=128")
     * @param trials  number of measured trials
     * @param metrics one summary per figure by its key (sendSeconds, gbitPerSecond, senderThreadCpuSecondsPerGib, …):
     *                n, mean, sample sd, median, min, max, the 95% CI of the mean (Student's t) and CV = sd / mean
     * @param live    a live series' own figures; absent for a bulk series
     */
    public record SeriesFigures(SeriesKey series, TrialStatus status, String label, int trials, Map<String, Summary> metrics,
                                @JsonInclude(JsonInclude.Include.NON_NULL) LiveSeriesFigures live) {
        public SeriesFigures {
            metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        }
    }

    /**
     * What a series of a live workload measured beyond a bulk series: the live tables' figures.
     *
     * @param workload    "precopy" or "checkpoint"
     * @param metrics     one summary over the trials per per-trial live figure by its key (as trials.csv's column:
     *                    checkpointLatencyP99Seconds, pausedFraction, precopyDowntimeSeconds, …), seconds for times
     * @param checkpoints the checkpoint table's row, checkpoints pooled over the trials (absent for a pre-copy)
     * @param precopy     the pre-copy table's row (absent for checkpoints)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LiveSeriesFigures(String workload, Map<String, Summary> metrics,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) LiveSummary.Checkpoints checkpoints,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) LiveSummary.Precopy precopy) {
        public LiveSeriesFigures {
            metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        }
    }

    /**
     * A candidate series against its baseline, paired by round.
     *
     * @param context   where both ran: network and swept settings
     * @param baseline  the baseline series
     * @param candidate the candidate series
     * @param status    verified or unverified
     * @param time      the headline on send time
     * @param cpu       the headlines on CPU per GiB (sender thread, receiver process) where both sides have the figure
     * @param latency   for checkpoint series, the headlines on pause-to-ack latency at p50 and p99; absent otherwise
     */
    public record Pair(String context, SeriesKey baseline, SeriesKey candidate, TrialStatus status, Headline time,
                       List<Headline> cpu, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LatencyHeadline> latency) {
        public Pair {
            cpu = List.copyOf(cpu);
            latency = List.copyOf(latency);
        }
    }

    /**
     * A checkpoint latency headline: candidate / baseline at one quantile, the point and its CI of one statistic.
     *
     * @param quantile             0.5 (p50) or 0.99 (p99)
     * @param method               "paired" (median of per-round ratios of each round's quantile, order-statistic CI) or
     *                             "unpaired" (ratio of the quantiles of the checkpoints pooled per series, percentile
     *                             bootstrap CI over checkpoints)
     * @param outcome              too-few-rounds (no CI), equivalent, no-difference, small-difference or claim
     * @param claim                true only for the outcome that claims a difference
     * @param point                candidate / baseline latency (below 1: the candidate acknowledges sooner)
     * @param ci                   the CI of {@code point}; both ends "NaN" when there is none
     * @param rounds               rounds in which both ran checkpoints
     * @param baselineCheckpoints  the baseline's checkpoints
     * @param candidateCheckpoints the candidate's checkpoints
     * @param baselineSeconds      the baseline's pooled quantile (s)
     * @param candidateSeconds     the candidate's pooled quantile (s)
     * @param sentence             the headline as the reports print it
     */
    public record LatencyHeadline(double quantile, String method, Verdict.Outcome outcome, boolean claim, double point,
                                  Interval ci, int rounds, int baselineCheckpoints, int candidateCheckpoints,
                                  double baselineSeconds, double candidateSeconds, String sentence) {
    }

    /**
     * One verdict: the point is the median of the per-round ratios baseline / candidate, its interval
     * the distribution-free (order statistics) CI of that median.
     *
     * @param metric        the figure compared, by its key (sendSeconds, senderThreadCpuSecondsPerGib, …)
     * @param outcome       too-few-rounds, equivalent, no-difference, small-difference or claim
     * @param claim         true only for the outcome that claims a difference
     * @param point         median per-round ratio baseline / candidate (above 1: the candidate is faster or cheaper)
     * @param ci            the CI of {@code point}; both ends "NaN" below the rounds a CI needs
     * @param rounds        paired rounds
     * @param margin        the equivalence margin [1/(1+m), 1+m] of m = minEffect
     * @param saved         1 − 1/point: the share of the baseline's figure the candidate saves (negative: costs more)
     * @param baselineMean  mean baseline figure
     * @param candidateMean mean candidate figure
     * @param welchP        two-sided p of Welch's t-test on the means: a side figure, never the headline
     * @param ratios        the per-round ratios, in round order
     * @param sentence      the headline as the reports print it
     */
    public record Headline(String metric, Verdict.Outcome outcome, boolean claim, double point, Interval ci, int rounds,
                           Interval margin, double saved, double baselineMean, double candidateMean, double welchP,
                           List<Double> ratios, String sentence) {
        public Headline {
            ratios = List.copyOf(ratios);
        }
    }

    /**
     * A strategy series against a ceiling of its network: per round, the ceiling's time over ours for the same bytes.
     *
     * @param series   our series
     * @param ceiling  the ceiling's series
     * @param median   median per-round fraction of the ceiling's rate
     * @param ci       its CI (order statistics)
     * @param rounds   paired rounds
     * @param sentence as the reports print it
     */
    public record CeilingFraction(SeriesKey series, SeriesKey ceiling, double median, Interval ci, int rounds,
                                  String sentence) {
    }

    /**
     * A strategy series against a verified baseline of its network (a QEMU migration of the same
     * guest): per round, our transfer time over the baseline's; below 1 we are faster.
     *
     * @param series   our series
     * @param baseline the baseline's series
     * @param median   median per-round ratio of our time to the baseline's
     * @param ci       its CI (order statistics)
     * @param rounds   paired rounds
     * @param ratios   the per-round ratios, in round order
     * @param sentence as the reports print it
     */
    public record BaselineRatio(SeriesKey series, SeriesKey baseline, double median, Interval ci, int rounds,
                                List<Double> ratios, String sentence) {
        public BaselineRatio {
            ratios = List.copyOf(ratios);
        }
    }

    /**
     * @param network       the network
     * @param gbitPerSecond median end-to-end rate over its verified measured trials (stream bytes × 8 / transfer time, decimal)
     * @param trials        trials the median is of
     * @param link          what the manifest says the network is; empty when it says nothing
     * @param sentence      as the reports print it
     */
    public record AchievedRate(String network, double gbitPerSecond, int trials, String link, String sentence) {
    }

    /**
     * @param series      the series
     * @param status      verified or unverified
     * @param forkMedians each fork's median send time (s), by fork number
     * @param between     CV of the fork medians
     * @param within      mean CV of the trials inside each fork
     * @param sentence    as the reports print it
     */
    public record ForkFigures(SeriesKey series, TrialStatus status, Map<String, Double> forkMedians, double between,
                              double within, String sentence) {
        public ForkFigures {
            forkMedians = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(forkMedians));
        }
    }

    /**
     * @param code    the warning, lower case and hyphenated ("high-cv", "outside-load")
     * @param subject what it is about: a series label, or "run"
     * @param text    the sentence the reports print
     */
    public record WarningFigures(String code, String subject, String text) {
    }
}
