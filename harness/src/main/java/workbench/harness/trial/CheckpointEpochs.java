package workbench.harness.trial;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import workbench.harness.io.StreamSink;
import workbench.harness.io.SyscallCounts;
import workbench.harness.metrics.Clock;
import workbench.harness.net.control.CheckpointPlan;
import workbench.harness.net.control.Message;
import workbench.harness.peer.Reception;
import workbench.harness.stream.StreamEncoder;
import workbench.reports.model.Counts;
import workbench.reports.model.LiveFigures;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.live.Dirtier;
import workbench.workloads.live.Workload;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamDigest;

/**
 * Continuous checkpointing as Remus, Kemari and COLO do it: after an initial copy of every page
 * (the guest not yet running) and a few empty checkpoints that time the acknowledgement path alone,
 * the guest runs for an epoch, pauses, its epoch's dirty pages go out as one PART section, the
 * receiver applies them and acknowledges, and the guest resumes. Latency is pause to ack on the
 * sender's clock. At checked checkpoints both sides digest their RAM while the guest stays paused;
 * that time is kept apart, out of latency and paused time.
 */
final class CheckpointEpochs {
    /** empty checkpoints that time the ack path alone */
    static final int CALIBRATIONS = 20;
    /** RAM PART sections before the first checkpoint: the initial copy, then the calibrations */
    static final int FIRST_CHECKPOINT = 1 + CALIBRATIONS + 1;

    /** the figures, the pages sent over all sections, and the first checked checkpoint whose digests differed */
    record Outcome(LiveFigures.CheckpointFigures figures, StreamEncoder.Sent sent, Optional<String> mismatch) {
    }

    private final StreamEncoder encoder;
    private final Workload workload;
    private final Clock clock;

    CheckpointEpochs(StreamEncoder encoder, Workload workload, Clock clock) {
        this.encoder = encoder;
        this.workload = workload;
        this.clock = clock;
    }

    /** what the receiver is told: which sections to acknowledge and digest */
    static CheckpointPlan plan(Workload w) {
        return new CheckpointPlan(FIRST_CHECKPOINT, w.checkEvery(), FIRST_CHECKPOINT + w.checkpoints() - 1,
                w.epochNanos() / 1_000_000);
    }

    /**
     * The whole stream, START to vmdesc; the writers ({@code guest}, not yet started) are started
     * after the calibrations and stopped when it returns. {@code log} is what they dirty.
     */
    Outcome send(StreamSink sink, Reception reception, GuestRam ram, DirtyLog every, DirtyLog log, Dirtier guest,
                 Duration ackWithin) throws IOException {
        CheckpointPlan plan = plan(workload);
        encoder.start(sink);
        StreamEncoder.Sent total = section(sink, reception, every, 1, ackWithin);
        List<Double> calibration = new ArrayList<>();
        for (int c = 0; c < CALIBRATIONS; c++) {
            long t0 = clock.nanoTime();
            total = total.plus(section(sink, reception, log.sync(), 2 + c, ackWithin)); // nothing runs: empty
            calibration.add((clock.nanoTime() - t0) / 1e9);
        }
        SyscallCounts calls0 = snapshot(sink.calls());
        long copied0 = sink.bytesCopied();
        List<Double> latencies = new ArrayList<>();
        List<Long> pages = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        List<Integer> checked = new ArrayList<>();
        Optional<String> mismatch = Optional.empty();
        long paused = 0;
        long digesting = 0;
        long dup = 0;
        long nodup = 0;
        guest.start();
        long runStart = clock.nanoTime();
        long epochStart = runStart;
        for (int i = 1; i <= workload.checkpoints(); i++) {
            sleepUntil(epochStart + workload.epochNanos());
            long t0 = clock.nanoTime();
            guest.pause();
            long bytes0 = sink.bytesPut();
            int part = FIRST_CHECKPOINT + i - 1;
            StreamEncoder.Sent s = section(sink, reception, log.sync(), part, ackWithin);
            long t1 = clock.nanoTime();
            total = total.plus(s);
            dup += s.dupPages();
            nodup += s.nodupPages();
            latencies.add((t1 - t0) / 1e9);
            pages.add(s.dupPages() + s.nodupPages());
            bytes.add(sink.bytesPut() - bytes0);
            paused += t1 - t0;
            if (plan.checked(part)) {
                RamDigest mine = RamDigest.of(ram); // the guest is paused: this is the RAM as of this checkpoint
                Message.CheckpointDigest theirs = reception.checkpointDigest(part, ackWithin);
                checked.add(i);
                if (mismatch.isEmpty() && !theirs.digest().equals(mine.blocks())) {
                    mismatch = Optional.of("checkpoint " + i + ": the receiver's RAM digest differs from the sender's");
                }
                digesting += clock.nanoTime() - t1;
            }
            if (i < workload.checkpoints()) {
                guest.resume();
                epochStart = clock.nanoTime();
            }
        }
        long runEnd = clock.nanoTime();
        guest.stop(); // paused after the last checkpoint: the RAM stays as the receiver has it
        double run = (runEnd - runStart - digesting) / 1e9;
        double ran = run - paused / 1e9;
        encoder.complete(sink);
        SyscallCounts calls = sink.calls();
        Counts counts = new Counts(bytes.stream().mapToLong(Long::longValue).sum(), dup, nodup, calls.writes() - calls0.writes(),
                calls.writevs() - calls0.writevs(), calls.iovecs() - calls0.iovecs(), sink.bytesCopied() - copied0,
                calls.sendfiles() - calls0.sendfiles());
        LiveFigures.CheckpointFigures figures = new LiveFigures.CheckpointFigures(latencies, pages, bytes, calibration,
                workload.epochNanos() / 1e9, run, paused / 1e9, digesting / 1e9, checked,
                ran > 0 ? guest.writes() / ran : 0, counts);
        return new Outcome(figures, total, mismatch);
    }

    /** one PART section of {@code dirty}, flushed, and the receiver's ack of it */
    private StreamEncoder.Sent section(StreamSink sink, Reception reception, DirtyLog dirty, int part, Duration ackWithin)
            throws IOException {
        StreamEncoder.Sent s = encoder.pass(sink, dirty, StreamEncoder.Read.KEEP);
        sink.flush();
        reception.awaitAck(part, ackWithin);
        return s;
    }

    private void sleepUntil(long deadline) {
        for (long wait = deadline - clock.nanoTime(); wait > 0; wait = deadline - clock.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static SyscallCounts snapshot(SyscallCounts c) {
        SyscallCounts copy = new SyscallCounts();
        copy.add(c);
        return copy;
    }
}
