package workbench.harness.trial;

import java.io.IOException;
import java.nio.channels.GatheringByteChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongFunction;
import workbench.harness.io.StreamSink;
import workbench.harness.metrics.Clock;
import workbench.harness.metrics.CpuClock;
import workbench.harness.metrics.MachineLoad;
import workbench.harness.metrics.PeakMemory;
import workbench.harness.net.Deadline;
import workbench.harness.peer.Peer;
import workbench.harness.peer.Receipt;
import workbench.harness.peer.Reception;
import workbench.harness.peer.TrialRequest;
import workbench.reports.model.Cpu;
import workbench.reports.model.LiveFigures;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.live.Dirtier;
import workbench.workloads.live.LiveContent;
import workbench.workloads.live.PageVersions;
import workbench.workloads.live.Workload;
import workbench.workloads.live.WorkloadKind;
import workbench.harness.stream.StreamEncoder;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Mix;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamSpec;

/**
 * Trials of a running guest: writer threads dirty the sender's RAM while it is sent. The guest's
 * RAM and page versions carry over from trial to trial (every trial starts with a full pass, so the
 * receiver's poison never survives); the digest a receiver must match is taken once the writers
 * stopped, outside timing.
 */
final class LiveTrials {
    private final SenderRams rams;
    private final DupPolicy dupPolicy;
    private final Clock clock;
    private final LongFunction<Duration> deadline;
    private final CpuClock cpu;
    private final ScheduledExecutorService timer;
    private final Map<RamSpec, PageVersions> versions = new HashMap<>();

    LiveTrials(SenderRams rams, DupPolicy dupPolicy, Clock clock, LongFunction<Duration> deadline, CpuClock cpu,
               ScheduledExecutorService timer) {
        this.rams = rams;
        this.dupPolicy = dupPolicy;
        this.clock = clock;
        this.deadline = deadline;
        this.cpu = cpu;
        this.timer = timer;
    }

    TrialResult run(Slot slot, StrategySeries series, Peer peer) throws IOException {
        Variant v = series.variant();
        Workload w = v.workload();
        SenderRams.Prepared guest = rams.of(v.ram());
        GuestRam ram = guest.ram();
        List<Integer> blockPages = ram.blocks().stream().map(RamBlock::pageCount).toList();
        TrialRequest request = new TrialRequest(slot.index(), v.ram(), dupPolicy, v.readBuffer(), v.socket().rcvbuf(),
                series.strategy().connections(v.sink()), v.receive(),
                w.kind() == WorkloadKind.CHECKPOINT ? CheckpointEpochs.plan(w) : workbench.harness.net.control.CheckpointPlan.NONE);
        PageVersions pageVersions = versions.computeIfAbsent(v.ram(), s -> new PageVersions(ram));
        DirtyLog log = DirtyLog.none(blockPages);
        Dirtier writers = new Dirtier(ram, pageVersions, new LiveContent(v.ram()), log, w, Mix.mix(v.ram().seed(), slot.index()));
        try (Reception reception = peer.prepare(request)) {
            String startedAt = Instant.now().toString();
            List<GatheringByteChannel> channels = reception.connect(v.socket().sender());
            StreamSink sink = series.strategy().open(channels, v.sink());
            MachineLoad.Sample load0 = MachineLoad.now();
            CpuClock.Sample cpu0 = cpu.now();
            Duration within = within(v, w);
            Sending out;
            long t0 = clock.nanoTime();
            try (Deadline watch = Deadline.closing(timer, reception::close, within)) {
                try {
                    out = send(w, guest, sink, reception, blockPages, log, writers, within);
                } catch (IOException e) {
                    writers.stop();
                    if (watch.expired()) {
                        throw TrialRunner.stalled(within, sink, e);
                    }
                    return TrialRunner.refusedByReceiver(reception, e, slot, series.key(peer.role()), startedAt, sink,
                            cpu.since(cpu0));
                }
            }
            long t1 = clock.nanoTime();
            reception.endOfStream();
            boolean ended = reception.awaitEnd(within);
            long t2 = clock.nanoTime();
            Cpu senderCpu = cpu.since(cpu0);
            MachineLoad.Sample load1 = MachineLoad.now();
            RamDigest digest = RamDigest.of(ram); // the writers stopped: the RAM the receiver must hold
            Receipt receipt = reception.receipt(within);
            Optional<String> failure = out.mismatch().or(() -> receipt.mismatch(sink.bytesPut(), digest));
            TrialStatus status = failure.isPresent() ? TrialStatus.FAILED
                    : receipt.checked() ? TrialStatus.VERIFIED : TrialStatus.UNVERIFIED;
            return new TrialResult(slot.index(), slot.round(), slot.warmup(), series.key(peer.role()), status,
                    failure.orElse(null), startedAt, out.sendSeconds().orElse((t1 - t0) / 1e9), (ended ? t2 - t0 : 0) / 1e9,
                    TrialRunner.counts(sink, out.sent()), senderCpu, receipt.cpu(), load1.retransmitsSince(load0),
                    load1.busySince(load0), load1.stealSince(load0), load1.userSince(load0), 0, java.util.OptionalLong.empty(),
                    PeakMemory.ofThisProcess(), receipt.peakRss()).withLive(out.figures().apply(ended ? t2 : -1));
        } finally {
            writers.stop();
        }
    }

    /**
     * What a live send leaves: the pages sent, the trial's figures once the receiver's end time is
     * known (-1 when it failed first), and a digest mismatch it found on the way.
     */
    private record Sending(StreamEncoder.Sent sent, LongFunction<LiveFigures> figures, Optional<String> mismatch,
                           java.util.OptionalDouble sendSeconds) {
    }

    private Sending send(Workload w, SenderRams.Prepared guest, StreamSink sink, Reception reception, List<Integer> blockPages,
                         DirtyLog log, Dirtier writers, Duration within) throws IOException {
        GuestRam ram = guest.ram();
        if (w.kind() == WorkloadKind.CHECKPOINT) {
            CheckpointEpochs.Outcome c = new CheckpointEpochs(guest.encoder(), w, clock)
                    .send(sink, reception, ram, DirtyLog.all(blockPages), log, writers, within);
            // the send time of a trial of checkpoints is the guest's paused time: the sum of its checkpoint latencies
            return new Sending(c.sent(), end -> LiveFigures.of(c.figures()), c.mismatch(),
                    java.util.OptionalDouble.of(c.figures().pausedSeconds()));
        }
        writers.start();
        PrecopyPasses.Outcome p = new PrecopyPasses(guest.encoder(), w, clock, ram.pageSize())
                .send(sink, DirtyLog.all(blockPages), log, writers);
        return new Sending(p.sent(), end -> LiveFigures.of(new LiveFigures.PrecopyFigures(p.passes(), p.converged(),
                end >= 0 ? (end - p.pausedAt()) / 1e9 : 0, p.writesPerSecond(), p.bandwidth(), w.maxDowntimeNanos() / 1e9,
                w.maxPasses())), Optional.empty(), java.util.OptionalDouble.empty());
    }

    /** how long a trial may take: every pre-copy pass may carry the whole guest; checkpoints add their epochs */
    private Duration within(Variant v, Workload w) {
        if (w.kind() == WorkloadKind.CHECKPOINT) {
            return deadline.apply(v.ram().size() * 2).plus(CheckpointEpochs.plan(w).extraTime());
        }
        return deadline.apply(v.ram().size() * (w.maxPasses() + 1L));
    }
}
