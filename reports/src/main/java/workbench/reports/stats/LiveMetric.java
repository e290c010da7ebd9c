package workbench.reports.stats;

import java.util.List;
import java.util.function.ToDoubleFunction;
import workbench.reports.model.LiveFigures;
import workbench.reports.model.TrialResult;

/**
 * A figure of one trial of a live workload, read or derived from its {@link LiveFigures}: a
 * checkpoint trial's latency percentiles, ack path, pages per checkpoint and paused fraction, a
 * pre-copy's passes, downtime and bandwidth. NaN for a trial of another workload (a bulk trial has
 * none). Latencies and times in seconds; quantiles by {@link Quantile}.
 */
public enum LiveMetric {
    CHECKPOINTS("checkpoint", "checkpoints", checkpoint(c -> c.count())),
    LATENCY_MEAN("checkpoint", "checkpointLatencyMeanSeconds", checkpoint(c -> mean(c.latencies()))),
    LATENCY_P50("checkpoint", "checkpointLatencyP50Seconds", checkpoint(c -> quantile(c.latencies(), 0.5))),
    LATENCY_P90("checkpoint", "checkpointLatencyP90Seconds", checkpoint(c -> quantile(c.latencies(), 0.9))),
    LATENCY_P99("checkpoint", "checkpointLatencyP99Seconds", checkpoint(c -> quantile(c.latencies(), 0.99))),
    LATENCY_MAX("checkpoint", "checkpointLatencyMaxSeconds", checkpoint(c -> quantile(c.latencies(), 1))),
    /** the p50 of the empty checkpoints: the ack path's own cost */
    ACK_PATH("checkpoint", "ackPathSeconds", checkpoint(c -> quantile(c.calibration(), 0.5))),
    PAGES_PER_CHECKPOINT("checkpoint", "pagesPerCheckpoint", checkpoint(c -> mean(c.pages()))),
    BYTES_PER_CHECKPOINT("checkpoint", "bytesPerCheckpoint", checkpoint(c -> mean(c.bytes()))),
    CHECKPOINTS_PER_SECOND("checkpoint", "checkpointsPerSecond", checkpoint(LiveFigures.CheckpointFigures::perSecond)),
    PAUSED_FRACTION("checkpoint", "pausedFraction", checkpoint(LiveFigures.CheckpointFigures::pausedFraction)),
    DIGEST_SECONDS("checkpoint", "digestSeconds", checkpoint(LiveFigures.CheckpointFigures::digestSeconds)),
    CHECKPOINT_WRITES_PER_SECOND("checkpoint", "checkpointWritesPerSecond", checkpoint(LiveFigures.CheckpointFigures::writesPerSecond)),
    /** live passes, the stop-and-copy pass not counted */
    PASSES("precopy", "precopyPasses", precopy(LiveFigures.PrecopyFigures::livePasses)),
    /** the guest's pause to the receiver's last byte */
    DOWNTIME("precopy", "precopyDowntimeSeconds", precopy(LiveFigures.PrecopyFigures::downtimeSeconds)),
    /** stream bytes per second the sender measured before it stopped the guest */
    BANDWIDTH("precopy", "precopyBandwidth", precopy(LiveFigures.PrecopyFigures::bandwidth)),
    PRECOPY_WRITES_PER_SECOND("precopy", "precopyWritesPerSecond", precopy(LiveFigures.PrecopyFigures::writesPerSecond));

    private final String workload;
    private final String column;
    private final ToDoubleFunction<LiveFigures> figure;

    LiveMetric(String workload, String column, ToDoubleFunction<LiveFigures> figure) {
        this.workload = workload;
        this.column = column;
        this.figure = figure;
    }


    /** the stable lowerCamelCase key of trials.csv's column and summary.json's metric */
    public String column() {
        return column;
    }

    /** the figures a workload's trials have, in column order */
    public static List<LiveMetric> of(String workload) {
        return java.util.Arrays.stream(values()).filter(m -> m.workload.equals(workload)).toList();
    }

    public double of(TrialResult t) {
        return t.liveFigures().map(figure::applyAsDouble).orElse(Double.NaN); // NaN too where the trial's figures are another workload's
    }

    private static ToDoubleFunction<LiveFigures> checkpoint(ToDoubleFunction<LiveFigures.CheckpointFigures> f) {
        return live -> live.checkpointFigures().map(f::applyAsDouble).orElse(Double.NaN);
    }

    private static ToDoubleFunction<LiveFigures> precopy(ToDoubleFunction<LiveFigures.PrecopyFigures> f) {
        return live -> live.precopyFigures().map(f::applyAsDouble).orElse(Double.NaN);
    }

    private static double quantile(List<Double> values, double q) {
        return Quantile.of(values.stream().mapToDouble(Double::doubleValue).toArray(), q);
    }

    private static double mean(List<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).average().orElse(Double.NaN);
    }
}
