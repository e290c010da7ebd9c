package workbench.harness.run;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import workbench.harness.io.CountingChannel;
import workbench.harness.io.NullChannel;
import workbench.harness.io.StreamSink;
import workbench.harness.io.WriteStrategy;
import workbench.harness.net.DataEndpoint;
import workbench.harness.net.Network;
import workbench.harness.net.control.Message;
import workbench.harness.net.control.RemoteReceiver;
import workbench.harness.stream.StreamEncoder;
import workbench.reports.model.Counts;
import workbench.reports.model.Cpu;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.workloads.ram.RamDigest;

/**
 * One timed, verified transfer (DESIGN.md "A trial, precisely"): the receiver prepares its RAM
 * outside timing; the clock starts just before the magic and stops when the final flush returns
 * (send time); the receiver's done stops the transfer time; its digest must equal ours.
 */
public final class TrialRunner {
    static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(10);

    private final RunPlan plan;
    private final StreamEncoder encoder;
    private final RamDigest senderDigest;
    private final CpuClock cpu = new CpuClock();

    public TrialRunner(RunPlan plan, StreamEncoder encoder, RamDigest senderDigest) {
        this.plan = plan;
        this.encoder = encoder;
        this.senderDigest = senderDigest;
    }

    /** One trial of {@code strategy} on {@code network}; {@code receiver} is empty only for the null network. */
    public TrialResult run(Schedule.Slot slot, WriteStrategy strategy, Network network, Optional<RemoteReceiver> receiver)
            throws IOException {
        SeriesKey series = SeriesKey.of(strategy.label(), network.label());
        if (receiver.isEmpty()) {
            return unverified(slot, strategy, series);
        }
        RemoteReceiver rx = receiver.get();
        String transport = network instanceof Network.Unix ? "unix" : "tcp";
        Message.Ready ready = rx.prepare(new Message.TrialParams(slot.index(), plan.ram(), plan.dupPolicy(), plan.readBuffer(), transport));
        String startedAt = Instant.now().toString();
        try (SocketChannel data = DataEndpoint.parse(ready.endpoint()).connect()) {
            CountingChannel counting = new CountingChannel(data);
            StreamSink sink = strategy.open(counting, plan.sink());
            MachineLoad.Sample load0 = MachineLoad.now();
            CpuClock.Sample cpu0 = cpu.now();
            long t0 = System.nanoTime();
            StreamEncoder.Sent sent;
            try {
                sent = encoder.encode(sink);
            } catch (IOException e) {
                Message.Result r = rx.awaitResult(TRANSFER_TIMEOUT);
                throw new IOException("sending failed: " + e.getMessage() + (r.ok() ? "" : "; receiver: " + r.failure()), e);
            }
            long t1 = System.nanoTime();
            data.shutdownOutput();
            Message first = rx.awaitDoneOrResult(TRANSFER_TIMEOUT);
            long t2 = System.nanoTime();
            Cpu senderCpu = cpu.since(cpu0); // the sending thread idles after its flush: its CPU is the encode's
            MachineLoad.Sample load1 = MachineLoad.now();
            Message.Result result = first instanceof Message.Result r ? r : rx.awaitResult(TRANSFER_TIMEOUT);
            Counts counts = counts(sink, counting, sent);
            Optional<String> failure = verdict(result, sink.bytesPut());
            return new TrialResult(slot.index(), slot.round(), slot.warmup(), series,
                    failure.isEmpty() ? TrialStatus.VERIFIED : TrialStatus.FAILED, failure.orElse(null), startedAt,
                    (t1 - t0) / 1e9, (first instanceof Message.Done ? t2 - t0 : 0) / 1e9, counts, senderCpu,
                    result.cpu(), load1.retransmitsSince(load0), load1.busySince(load0), load1.stealSince(load0));
        }
    }

    /** The null network: the sender writes into a discarding channel; nothing can check the result. */
    private TrialResult unverified(Schedule.Slot slot, WriteStrategy strategy, SeriesKey series) throws IOException {
        String startedAt = Instant.now().toString();
        CountingChannel counting = new CountingChannel(new NullChannel());
        StreamSink sink = strategy.open(counting, plan.sink());
        MachineLoad.Sample load0 = MachineLoad.now();
        CpuClock.Sample cpu0 = cpu.now();
        long t0 = System.nanoTime();
        StreamEncoder.Sent sent = encoder.encode(sink);
        long t1 = System.nanoTime();
        Cpu senderCpu = cpu.since(cpu0);
        MachineLoad.Sample load1 = MachineLoad.now();
        return new TrialResult(slot.index(), slot.round(), slot.warmup(), series, TrialStatus.UNVERIFIED, null, startedAt,
                (t1 - t0) / 1e9, (t1 - t0) / 1e9, counts(sink, counting, sent), senderCpu, Cpu.NONE,
                0, load1.busySince(load0), load1.stealSince(load0));
    }

    private static Counts counts(StreamSink sink, CountingChannel counting, StreamEncoder.Sent sent) {
        return new Counts(sink.bytesPut(), sent.dupPages(), sent.nodupPages(), counting.writeCalls(),
                counting.writevCalls(), counting.iovecs(), sink.bytesCopied());
    }

    /** empty when the receiver holds exactly our RAM; else why not */
    private Optional<String> verdict(Message.Result result, long bytesSent) {
        if (!result.ok()) {
            return Optional.of("receiver: " + result.failure());
        }
        if (result.streamBytes() != bytesSent) {
            return Optional.of("receiver read " + result.streamBytes() + " stream bytes, sender wrote " + bytesSent);
        }
        if (!result.digest().equals(senderDigest.blocks())) {
            String blocks = String.join(", ", senderDigest.blocks().stream()
                    .filter(b -> !result.digest().contains(b)).map(RamDigest.BlockDigest::name).toList());
            return Optional.of("RAM digest mismatch in block(s) " + blocks + ": the receiver's RAM differs from the sender's");
        }
        return Optional.empty();
    }
}
