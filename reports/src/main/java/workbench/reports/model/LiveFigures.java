package workbench.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * What a trial of a live workload measured beyond a bulk trial's figures: a pre-copy's passes or a
 * run of checkpoints. Exactly one of the two is present.
 *
 * @param workload   "precopy" or "checkpoint"
 * @param precopy    the passes of a pre-copy (absent for checkpoints)
 * @param checkpoint the checkpoints' figures (absent for a pre-copy)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveFigures(String workload, @JsonInclude(JsonInclude.Include.NON_NULL) PrecopyFigures precopy,
                          @JsonInclude(JsonInclude.Include.NON_NULL) CheckpointFigures checkpoint) {
    public static LiveFigures of(PrecopyFigures p) {
        return new LiveFigures("precopy", p, null);
    }

    public static LiveFigures of(CheckpointFigures c) {
        return new LiveFigures("checkpoint", null, c);
    }

    public Optional<PrecopyFigures> precopyFigures() {
        return Optional.ofNullable(precopy);
    }

    public Optional<CheckpointFigures> checkpointFigures() {
        return Optional.ofNullable(checkpoint);
    }

    /**
     * One pass of a pre-copy: the pages dirty at its sync, sent as one PART section.
     *
     * @param number      1 for the first pass (every page), counting up; the stop-and-copy pass is the last
     * @param pages       pages sent (dup and nodup)
     * @param bytes       stream bytes of the pass
     * @param seconds     the pass's time on the sender's clock
     * @param stopAndCopy true for the pass after the writers stopped (the guest paused)
     */
    public record Pass(int number, long pages, long bytes, double seconds, boolean stopAndCopy) {
    }

    /**
     * @param passes          every pass, the stop-and-copy one last
     * @param converged       true when the dirty set left fitted the allowed downtime before --max-passes ran out;
     *                        false when the writers were stopped because the passes ran out (reported, never hidden)
     * @param downtimeSeconds the guest's pause to the receiver's having the last byte (its done)
     * @param writesPerSecond the writers' page writes per second while the guest ran (the observed dirty rate)
     * @param bandwidth       stream bytes per second the sender measured before it stopped the guest
     * @param maxDowntime     the downtime allowed (--max-downtime), seconds
     * @param maxPasses       the live passes allowed (--max-passes)
     */
    public record PrecopyFigures(List<Pass> passes, boolean converged, double downtimeSeconds, double writesPerSecond,
                                 double bandwidth, double maxDowntime, int maxPasses) {
        public PrecopyFigures {
            passes = List.copyOf(passes);
        }

        /** passes while the guest ran (the stop-and-copy one not counted) */
        public int livePasses() {
            return (int) passes.stream().filter(p -> !p.stopAndCopy()).count();
        }
    }

    /**
     * A trial of checkpoints: each one the guest's pause, its epoch's dirty pages as one section,
     * the receiver's acknowledgement, the guest's resumption.
     *
     * @param latencies        per checkpoint, pause to acknowledgement on the sender's clock, seconds
     * @param pages            per checkpoint, the pages it carried
     * @param bytes            per checkpoint, its stream bytes
     * @param calibration      pause-to-ack of empty checkpoints (no page): the ack path's own cost, seconds
     * @param epochSeconds     the epoch asked for (--epoch)
     * @param runSeconds       from the first checkpoint's epoch start to the last acknowledgement, digests excluded
     * @param pausedSeconds    the time the guest was paused for checkpoints (digests excluded)
     * @param digestSeconds    the time spent digesting both sides' RAM at checked checkpoints, kept out of the figures above
     * @param checked          the checkpoints whose receiver digest was compared with the sender's (1-based), the last included
     * @param writesPerSecond  the writers' page writes per second while the guest ran
     * @param counts           what the checkpoints' sections cost in all (the initial copy and calibration left out):
     *                         divided by {@link #count} they are the seed table's counts per epoch
     */
    public record CheckpointFigures(List<Double> latencies, List<Long> pages, List<Long> bytes, List<Double> calibration,
                                    double epochSeconds, double runSeconds, double pausedSeconds, double digestSeconds,
                                    List<Integer> checked, double writesPerSecond, Counts counts) {
        public CheckpointFigures {
            latencies = List.copyOf(latencies);
            pages = List.copyOf(pages);
            bytes = List.copyOf(bytes);
            calibration = List.copyOf(calibration);
            checked = List.copyOf(checked);
        }

        public int count() {
            return latencies.size();
        }

        /** checkpoints per second of the run (digests excluded) */
        public double perSecond() {
            return runSeconds > 0 ? count() / runSeconds : 0;
        }

        /** the fraction of the run the guest spent paused for checkpoints */
        public double pausedFraction() {
            return runSeconds > 0 ? pausedSeconds / runSeconds : 0;
        }
    }
}
