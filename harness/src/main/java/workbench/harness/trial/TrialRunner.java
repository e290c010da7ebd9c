package workbench.harness.trial;

import java.io.IOException;
import java.nio.channels.GatheringByteChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongFunction;
import workbench.harness.baseline.Baseline;
import workbench.harness.baseline.Measured;
import workbench.harness.baseline.Reference;
import workbench.harness.io.ReceiveMode;
import workbench.harness.io.StreamSink;
import workbench.harness.io.SyscallCounts;
import workbench.harness.metrics.Clock;
import workbench.harness.metrics.CpuClock;
import workbench.harness.metrics.MachineLoad;
import workbench.harness.metrics.PeakMemory;
import workbench.harness.net.Deadline;
import workbench.harness.peer.Peer;
import workbench.harness.peer.Receipt;
import workbench.harness.peer.Reception;
import workbench.harness.peer.TrialRequest;
import workbench.harness.serve.Deadlines;
import workbench.harness.stream.StreamEncoder;
import workbench.reports.model.ChannelCounts;
import workbench.reports.model.Counts;
import workbench.reports.model.Cpu;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.SeriesRole;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.workloads.page.DupPolicy;

/**
 * One timed, verified transfer (DESIGN.md "A trial, precisely"): the receiver prepares its RAM
 * outside timing; the clock starts just before the magic and stops when the final flush returns
 * (send time); the receiver's reading the end stops the transfer time; its digest must equal ours.
 */
public final class TrialRunner {
    /** how long a receiver that failed the stream is given to say why */
    static final Duration AFTER_FAILURE = Duration.ofSeconds(10);

    private final SenderRams rams;
    private final DupPolicy dupPolicy;
    private final Clock clock;
    private final LongFunction<Duration> deadline;
    private final CpuClock cpu = new CpuClock();
    private final ScheduledExecutorService timer = Deadline.timer("trial-deadline");
    private final LiveTrials live;

    /** Trials with serve's own stream deadline (a minute plus the guest at 100 Mbit/s): a stalled receiver fails the trial. */
    public TrialRunner(SenderRams rams, DupPolicy dupPolicy, Clock clock) {
        this(rams, dupPolicy, clock, Deadlines.DEFAULT::stream);
    }

    /**
     * @param deadline how long a guest of so many bytes may take to be sent, and then again to be
     *                 acknowledged: past it the data connections are closed and the trial fails
     */
    public TrialRunner(SenderRams rams, DupPolicy dupPolicy, Clock clock, LongFunction<Duration> deadline) {
        this.rams = rams;
        this.dupPolicy = dupPolicy;
        this.clock = clock;
        this.deadline = deadline;
        this.live = new LiveTrials(rams, dupPolicy, clock, deadline, cpu, timer);
    }

    /** One trial of {@code series}, received by {@code peer}. */
    public TrialResult run(Slot slot, StrategySeries series, Peer peer) throws IOException {
        Variant v = series.variant();
        if (v.workload().live()) {
            return live.run(slot, series, peer);
        }
        SenderRams.Prepared guest = rams.of(v.ram());
        TrialRequest request = new TrialRequest(slot.index(), v.ram(), dupPolicy, v.readBuffer(), v.socket().rcvbuf(),
                series.strategy().connections(v.sink()), v.receive());
        try (Reception reception = peer.prepare(request)) {
            String startedAt = Instant.now().toString();
            List<GatheringByteChannel> channels = reception.connect(v.socket().sender());
            StreamSink sink = series.strategy().open(channels, v.sink());
            MachineLoad.Sample load0 = MachineLoad.now();
            CpuClock.Sample cpu0 = cpu.now();
            long[] own0 = ownThreads(sink);
            long t0 = clock.nanoTime();
            Duration within = deadline.apply(v.ram().size());
            StreamEncoder.Sent sent;
            // a receiver that stops reading (stopped, wedged) would block the write for ever: the deadline closes it
            try (Deadline watch = Deadline.closing(timer, reception::close, within)) {
                try {
                    sent = guest.encoder().encode(sink);
                } catch (IOException e) {
                    if (watch.expired()) {
                        throw stalled(within, sink, e);
                    }
                    closeQuietly(sink);
                    return refusedByReceiver(reception, e, slot, series.key(peer.role()), startedAt, sink, cpu.since(cpu0));
                }
            }
            long t1 = clock.nanoTime();
            reception.endOfStream();
            boolean ended = reception.awaitEnd(within);
            long t2 = clock.nanoTime();
            Cpu senderCpu = withOwnThreads(cpu.since(cpu0), sink, own0); // the sending thread idles after its flush: its CPU is the encode's
            sink.close(); // its own threads (multifd's channels) end here, after their CPU was read
            MachineLoad.Sample load1 = MachineLoad.now();
            Receipt receipt = reception.receipt(within);
            Optional<String> failure = receipt.mismatch(sink.bytesPut(), guest.digest());
            TrialStatus status = failure.isPresent() ? TrialStatus.FAILED
                    : receipt.checked() ? TrialStatus.VERIFIED : TrialStatus.UNVERIFIED;
            // a scatter receiver's count, when one took the stream whole; a buffered one predicts nothing
            OptionalLong missed = v.receive() == ReceiveMode.SCATTER && receipt.checked() && receipt.failure().isEmpty()
                    ? OptionalLong.of(receipt.mispredictions()) : OptionalLong.empty();
            return new TrialResult(slot.index(), slot.round(), slot.warmup(), series.key(peer.role()), status,
                    failure.orElse(null), startedAt, (t1 - t0) / 1e9, (ended ? t2 - t0 : 0) / 1e9, counts(sink, sent),
                    senderCpu, receipt.cpu(), load1.retransmitsSince(load0), load1.busySince(load0),
                    load1.stealSince(load0), load1.userSince(load0), 0, missed, PeakMemory.ofThisProcess(),
                    receipt.peakRss());
        }
    }

    /**
     * One reference transfer of the variant's guest, timed by the tool or on our clock as its kind
     * says: a ceiling (iperf3) moves as many bytes as the stream and its receiver's time for those
     * bytes is the transfer time; a QEMU migration is verified by the receiver's RAM digest, as our
     * trials are, and carries QEMU's own account of it.
     */
    public TrialResult run(Slot slot, BaselineSeries series, Baseline baseline) throws IOException {
        Variant v = series.variant();
        SenderRams.Prepared guest = rams.of(v.ram());
        long bytes = guest.streamBytes();
        String startedAt = Instant.now().toString();
        MachineLoad.Sample load0 = MachineLoad.now();
        Measured m = baseline.measure(new Reference(slot.index(), v.ram(), guest.ram(), bytes, v.sink().channels(), deadline.apply(v.ram().size()),
                v.readBuffer(), v.socket().rcvbuf(), v.receive()));
        MachineLoad.Sample load1 = MachineLoad.now();
        Optional<String> failure = m.failure().map(why -> baseline.name() + ": " + why)
                .or(() -> m.checked() ? new Receipt(true, Optional.empty(), m.digest(), Receipt.UNCOUNTED, Cpu.NONE)
                        .mismatch(0, guest.digest())
                        // iperf3 sends whole 1 MiB blocks, so up to a block more than asked; its time is scaled to the stream's length
                        : m.sentBytes() >= bytes ? Optional.empty()
                        : Optional.of(baseline.name() + " sent " + m.sentBytes() + " bytes, asked for " + bytes));
        TrialStatus status = failure.isPresent() ? TrialStatus.FAILED : m.checked() ? TrialStatus.VERIFIED : TrialStatus.UNVERIFIED;
        double transfer = m.checked() ? m.receiveSeconds() : m.receiveSecondsFor(bytes);
        return new TrialResult(slot.index(), slot.round(), slot.warmup(), series.key(), status, failure.orElse(null), startedAt,
                m.sendSeconds(), failure.isPresent() ? 0 : transfer, new Counts(m.sentBytes(), m.dupPages(), m.nodupPages(), 0, 0, 0, 0),
                m.sender(), m.receiver(), load1.retransmitsSince(load0), load1.busySince(load0), load1.stealSince(load0),
                load1.userSince(load0), 0, OptionalLong.empty(), m.senderPeakRss(), m.receiverPeakRss()).withQemu(m.qemu());
    }

    /** the error of a sending the trial's deadline cut off: the receiver took no more of the stream */
    static IOException stalled(Duration within, StreamSink sink, IOException e) {
        return new IOException("sending stalled: the receiver took no more of the stream within the trial's"
                + " deadline of " + within.toSeconds() + " s (" + sink.bytesPut() + " bytes sent)", e);
    }

    /**
     * After a sending broke off: when the receiver refused the stream and said why, that is this trial's
     * failure and the run goes on; otherwise the sending's own error ends the trial.
     */
    static TrialResult refusedByReceiver(Reception reception, IOException e, Slot slot, SeriesKey key, String startedAt,
                                         StreamSink sink, Cpu senderCpu) throws IOException {
        Receipt r = receiptAfterFailure(reception, e);
        if (r.failure().isEmpty()) {
            throw new IOException("sending failed: " + e.getMessage(), e);
        }
        return new TrialResult(slot.index(), slot.round(), slot.warmup(), key, TrialStatus.FAILED,
                "receiver: " + r.failure().get() + " (the sender stopped: " + e.getMessage() + ")", startedAt, 0, 0,
                new Counts(sink.bytesPut(), 0, 0, 0, 0, 0, 0), senderCpu, r.cpu(), 0, 0, 0, 0);
    }

    /** what a receiver says of a stream that broke; a receiver gone too is the send's failure with its words */
    static Receipt receiptAfterFailure(Reception reception, IOException sending) throws IOException {
        try {
            return reception.receipt(AFTER_FAILURE);
        } catch (IOException gone) {
            throw new IOException("sending failed: " + sending.getMessage() + "; receiver: " + gone.getMessage(), sending);
        }
    }

    static Counts counts(StreamSink sink, StreamEncoder.Sent sent) {
        SyscallCounts calls = sink.calls();
        List<ChannelCounts> channels = sink.channelCounts().stream()
                .map(c -> new ChannelCounts(c.channel(), c.bytes(), c.writevs(), c.packets())).toList();
        return new Counts(sink.bytesPut(), sent.dupPages(), sent.nodupPages(), calls.writes(), calls.writevs(),
                calls.iovecs(), sink.bytesCopied(), calls.sendfiles(), channels);
    }

    /** user and total CPU nanoseconds of the sink's own threads (multifd's channel writers) so far */
    private static long[] ownThreads(StreamSink sink) {
        return new long[] {sink.ownThreadsUserNanos(), sink.ownThreadsCpuNanos()};
    }

    /** the sending threads' CPU: the encoding thread's, plus what the sink's own threads spent since {@code own0} */
    private static Cpu withOwnThreads(Cpu c, StreamSink sink, long[] own0) {
        long[] own1 = ownThreads(sink);
        double user = (own1[0] - own0[0]) / 1e9;
        double sys = Math.max(0, (own1[1] - own0[1]) / 1e9 - user);
        return new Cpu(c.threadUser() + user, c.threadSys() + sys, c.processUser(), c.processSys(), c.processTotal());
    }

    private static void closeQuietly(StreamSink sink) {
        try {
            sink.close();
        } catch (IOException e) {
            // the send failed already; that failure is the one reported
        }
    }
}
