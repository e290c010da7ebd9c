package workbench.reports.stats;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import workbench.reports.model.LiveFigures;

/**
 * The figures of a live series over its measured trials, as the live tables show them and
 * summary.json writes them: checkpoints pooled over the trials, a pre-copy's medians over its
 * trials. Seconds and fractions; tables convert for people.
 */
public final class LiveSummary {
    private LiveSummary() {
    }

    /**
     * A series of checkpoint trials.
     *
     * @param trials               measured trials
     * @param checkpoints          checkpoints over them
     * @param latency              pause-to-ack latency (s) pooled over the checkpoints: mean with its Student's t CI
     *                             (checkpoints are not independent: a guide, not a test), median, min, max
     * @param p50                  the pooled latencies' p50 (s), {@link Quantile}
     * @param p50Ci                its distribution-free 95% CI (order statistics over the checkpoints)
     * @param p90                  the pooled p90 (s)
     * @param p99                  the pooled p99 (s)
     * @param ackPath              the p50 of the empty calibration checkpoints (s): the fixed cost in every latency
     * @param pagesPerCheckpoint   pages per checkpoint, over all checkpoints
     * @param checkpointsPerSecond median over the trials of checkpoints per second (digests excluded)
     * @param pausedFraction       median over the trials of the fraction of the run the guest was paused
     * @param digests              checkpoints whose receiver digest was checked, over the trials
     * @param digestSeconds        time spent digesting at checked checkpoints, over the trials (kept out of the rest)
     */
    public record Checkpoints(int trials, long checkpoints, Summary latency, double p50, Interval p50Ci, double p90,
                              double p99, double ackPath, double pagesPerCheckpoint, double checkpointsPerSecond,
                              double pausedFraction, long digests, double digestSeconds) {
    }

    /**
     * A series of pre-copy trials.
     *
     * @param trials           measured trials
     * @param converged        trials that converged (the rest stopped at --max-passes: reported, never hidden)
     * @param passes           median live passes
     * @param totalSeconds     median total time (the trial's transfer time)
     * @param downtimeSeconds  median downtime: the guest's pause to the receiver's last byte
     * @param maxDowntime      the longest downtime of the trials
     * @param writesPerSecond  median observed page writes per second while the guest ran
     * @param mibSent          median MiB of stream sent
     * @param allowedDowntime  the downtime allowed (--max-downtime), seconds
     */
    public record Precopy(int trials, int converged, double passes, double totalSeconds, double downtimeSeconds,
                          double maxDowntime, double writesPerSecond, double mibSent, double allowedDowntime) {
    }

    /** the pooled checkpoint figures of a series, when its trials ran checkpoints */
    public static Optional<Checkpoints> checkpoints(Series s) {
        List<LiveFigures.CheckpointFigures> f = s.trials().stream()
                .flatMap(t -> t.liveFigures().flatMap(LiveFigures::checkpointFigures).stream()).toList();
        if (f.isEmpty()) {
            return Optional.empty();
        }
        double[] latencies = latencies(s);
        double[] calibration = f.stream().flatMap(c -> c.calibration().stream()).mapToDouble(Double::doubleValue).toArray();
        long count = f.stream().mapToLong(LiveFigures.CheckpointFigures::count).sum();
        double pages = f.stream().flatMap(c -> c.pages().stream()).mapToLong(Long::longValue).sum() / (double) count;
        return Optional.of(new Checkpoints(f.size(), count, Summary.of(latencies), Quantile.of(latencies, 0.5),
                MedianInterval.of(latencies, Summary.CONFIDENCE), Quantile.of(latencies, 0.9), Quantile.of(latencies, 0.99),
                Quantile.of(calibration, 0.5), pages, median(f, LiveFigures.CheckpointFigures::perSecond),
                median(f, LiveFigures.CheckpointFigures::pausedFraction), f.stream().mapToLong(c -> c.checked().size()).sum(),
                f.stream().mapToDouble(LiveFigures.CheckpointFigures::digestSeconds).sum()));
    }

    /** every checkpoint's pause-to-ack latency (s) of the series' measured trials, in the order they ran */
    public static double[] latencies(Series s) {
        return s.trials().stream().flatMap(t -> t.liveFigures().flatMap(LiveFigures::checkpointFigures).stream())
                .flatMap(c -> c.latencies().stream()).mapToDouble(Double::doubleValue).toArray();
    }

    /** the pre-copy figures of a series, when its trials ran pre-copies */
    public static Optional<Precopy> precopy(Series s) {
        List<LiveFigures.PrecopyFigures> f = s.trials().stream()
                .flatMap(t -> t.liveFigures().flatMap(LiveFigures::precopyFigures).stream()).toList();
        if (f.isEmpty()) {
            return Optional.empty();
        }
        int converged = (int) f.stream().filter(LiveFigures.PrecopyFigures::converged).count();
        return Optional.of(new Precopy(f.size(), converged, median(f, LiveFigures.PrecopyFigures::livePasses),
                Quantile.of(s.values(Metric.TRANSFER_SECONDS), 0.5), median(f, LiveFigures.PrecopyFigures::downtimeSeconds),
                f.stream().mapToDouble(LiveFigures.PrecopyFigures::downtimeSeconds).max().orElse(Double.NaN),
                median(f, LiveFigures.PrecopyFigures::writesPerSecond),
                Quantile.of(s.trials().stream().mapToDouble(t -> t.counts().streamBytes() / 1048576.0).toArray(), 0.5),
                f.get(0).maxDowntime()));
    }

    private static <T> double median(List<T> figures, ToDoubleFunction<T> figure) {
        return Quantile.of(figures.stream().mapToDouble(figure).toArray(), 0.5);
    }
}
