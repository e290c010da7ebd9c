package workbench.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One trial: one complete transfer, timed on the sender's clock. A component annotated with
 * {@code @JsonInclude} is optional in run.json (left out when empty): the JSON Schema
 * ({@code workbench/reports/schema/run.schema.json}) requires every other one.
 *
 * @param index           0-based position in the order trials ran (warm-up included)
 * @param round           0-based round; warm-up rounds come first
 * @param warmup          true for warm-up trials: recorded, never summarised
 * @param series          what the trial measured
 * @param status          verified, unverified or failed
 * @param failure         why it failed (absent unless FAILED)
 * @param startedAt       wall-clock start, ISO-8601
 * @param sendSeconds     first stream byte to the return of the final flush (the seed's "time")
 * @param transferSeconds first stream byte to the receiver's done (end to end)
 * @param counts          stream bytes, pages and system calls
 * @param sender          CPU of the sending side
 * @param receiver        CPU of the receiving side (zero where there is none)
 * @param retransmits     TCP segments retransmitted during the trial (network namespace of the sender)
 * @param machineBusy     machine-wide busy CPU fraction during the trial (0..1, all cores)
 * @param machineSteal    machine-wide steal fraction during the trial
 * @param machineUser     machine-wide user-mode CPU fraction during the trial (0..1, all cores): kernel
 *                        network work (softirq, ksoftirqd) is not in it, so it isolates other programs
 * @param fork            0-based fork (--forks): which start of the receiver child and sender agent ran the trial;
 *                        left out when 0, so runs of one fork (and files written before forks) read and write as before
 * @param mispredictions  page records a scatter receiver predicted wrongly; present only for trials a
 *                        scatter receiver took (a buffered receiver predicts nothing: absent, not 0)
 * @param senderPeakRss   the most resident memory (VmHWM, bytes) the sending process had held by the
 *                        trial's end; absent where it is not known (a reference transfer's own sender)
 * @param receiverPeakRss the same of the receiving process, as it reported it; absent where there is no
 *                        receiver or it could not tell
 * @param live            a live workload's own figures (pre-copy passes, checkpoints); absent for bulk trials
 * @param qemu            what QEMU's query-migrate said of a QEMU baseline's migration (its own times and
 *                        counts); absent (null) for every other trial: read it with {@link #qemuFigures()}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialResult(int index, int round, boolean warmup, SeriesKey series, TrialStatus status,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String failure, String startedAt, double sendSeconds, double transferSeconds,
                          Counts counts, Cpu sender, Cpu receiver, long retransmits,
                          double machineBusy, double machineSteal, double machineUser,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) int fork,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) OptionalLong mispredictions,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) OptionalLong senderPeakRss,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) OptionalLong receiverPeakRss,
                          @JsonInclude(JsonInclude.Include.NON_NULL) LiveFigures live,
                          @JsonInclude(JsonInclude.Include.NON_NULL) QemuFigures qemu) {

    /** a trial that is no QEMU baseline's: no QEMU figures */
    public TrialResult(int index, int round, boolean warmup, SeriesKey series, TrialStatus status,
                       String failure, String startedAt, double sendSeconds, double transferSeconds,
                       Counts counts, Cpu sender, Cpu receiver, long retransmits,
                       double machineBusy, double machineSteal, double machineUser, int fork,
                       OptionalLong mispredictions, OptionalLong senderPeakRss, OptionalLong receiverPeakRss, LiveFigures live) {
        this(index, round, warmup, series, status, failure, startedAt, sendSeconds, transferSeconds, counts, sender, receiver,
                retransmits, machineBusy, machineSteal, machineUser, fork, mispredictions, senderPeakRss, receiverPeakRss, live, null);
    }

    /** a bulk trial: no live figures */
    public TrialResult(int index, int round, boolean warmup, SeriesKey series, TrialStatus status,
                       String failure, String startedAt, double sendSeconds, double transferSeconds,
                       Counts counts, Cpu sender, Cpu receiver, long retransmits,
                       double machineBusy, double machineSteal, double machineUser, int fork,
                       OptionalLong mispredictions, OptionalLong senderPeakRss, OptionalLong receiverPeakRss) {
        this(index, round, warmup, series, status, failure, startedAt, sendSeconds, transferSeconds, counts, sender, receiver,
                retransmits, machineBusy, machineSteal, machineUser, fork, mispredictions, senderPeakRss, receiverPeakRss, null, null);
    }

    /** a trial of the first (or only) fork, without receiver or memory figures */
    public TrialResult(int index, int round, boolean warmup, SeriesKey series, TrialStatus status,
                       String failure, String startedAt, double sendSeconds, double transferSeconds,
                       Counts counts, Cpu sender, Cpu receiver, long retransmits,
                       double machineBusy, double machineSteal, double machineUser) {
        this(index, round, warmup, series, status, failure, startedAt, sendSeconds, transferSeconds, counts, sender, receiver,
                retransmits, machineBusy, machineSteal, machineUser, 0, OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty());
    }

    /** the same trial, run by fork {@code f} */
    public TrialResult inFork(int f) {
        return new TrialResult(index, round, warmup, series, status, failure, startedAt, sendSeconds, transferSeconds, counts,
                sender, receiver, retransmits, machineBusy, machineSteal, machineUser, f, mispredictions, senderPeakRss,
                receiverPeakRss, live, qemu);
    }

    /** the same trial with a live workload's figures */
    public TrialResult withLive(LiveFigures figures) {
        return new TrialResult(index, round, warmup, series, status, failure, startedAt, sendSeconds, transferSeconds, counts,
                sender, receiver, retransmits, machineBusy, machineSteal, machineUser, fork, mispredictions, senderPeakRss,
                receiverPeakRss, figures, qemu);
    }

    /** a live workload's figures; empty for a bulk trial */
    public Optional<LiveFigures> liveFigures() {
        return Optional.ofNullable(live);
    }

    /** the same trial with QEMU's account of its migration, where there is one */
    public TrialResult withQemu(Optional<QemuFigures> figures) {
        return new TrialResult(index, round, warmup, series, status, failure, startedAt, sendSeconds, transferSeconds, counts,
                sender, receiver, retransmits, machineBusy, machineSteal, machineUser, fork, mispredictions, senderPeakRss,
                receiverPeakRss, live, figures.orElse(null));
    }

    /** what QEMU's query-migrate said of this trial's migration (QEMU baselines only) */
    public Optional<QemuFigures> qemuFigures() {
        return Optional.ofNullable(qemu);
    }

    public boolean measured() {
        return !warmup && status != TrialStatus.FAILED;
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }
}
