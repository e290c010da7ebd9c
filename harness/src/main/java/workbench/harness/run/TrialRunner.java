package workbench.harness.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import workbench.harness.io.CountingChannel;
import workbench.harness.io.NullChannel;
import workbench.harness.io.StreamSink;
import workbench.harness.net.DataEndpoint;
import workbench.harness.net.Network;
import workbench.harness.net.control.Message;
import workbench.harness.net.control.RemoteReceiver;
import workbench.harness.stream.StreamEncoder;
import workbench.reports.model.Counts;
import workbench.reports.model.Cpu;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.RamDigest;

/**
 * One timed, verified transfer (DESIGN.md "A trial, precisely"): the receiver prepares its RAM
 * outside timing; the clock starts just before the magic and stops when the final flush returns
 * (send time); the receiver's done stops the transfer time; its digest must equal ours.
 */
public final class TrialRunner {
    static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(10);

    private final SenderRams rams;
    private final DupPolicy dupPolicy;
    private final Optional<InetAddress> bind;
    private final CpuClock cpu = new CpuClock();

    /** @param bind local address for data connections to a remote receiver, if chosen */
    TrialRunner(SenderRams rams, DupPolicy dupPolicy, Optional<InetAddress> bind) {
        this.rams = rams;
        this.dupPolicy = dupPolicy;
        this.bind = bind;
    }

    /** One trial of a series; {@code receiver} is empty only for the null network. */
    public TrialResult run(Schedule.Slot slot, SeriesPlan series, Optional<RemoteReceiver> receiver) throws IOException {
        if (receiver.isEmpty()) {
            return unverified(slot, series);
        }
        Variant v = series.variant();
        SenderRams.Prepared guest = rams.of(v.ram());
        RemoteReceiver rx = receiver.get();
        boolean unix = series.network() instanceof Network.Unix;
        Message.Ready ready = rx.prepare(new Message.TrialParams(slot.index(), v.ram(), dupPolicy, v.readBuffer(),
                unix ? "unix" : "tcp", v.socket().rcvbuf()));
        String startedAt = Instant.now().toString();
        try (SocketChannel data = DataEndpoint.parse(ready.endpoint()).connect(series.network() instanceof Network.Remote ? bind : Optional.empty())) {
            if (!unix) {
                applySocketOptions(data, v.socket());
            }
            CountingChannel counting = new CountingChannel(data);
            StreamSink sink = series.strategy().open(counting, v.sink());
            MachineLoad.Sample load0 = MachineLoad.now();
            CpuClock.Sample cpu0 = cpu.now();
            long t0 = System.nanoTime();
            StreamEncoder.Sent sent;
            try {
                sent = guest.encoder().encode(sink);
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
            Optional<String> failure = verdict(result, sink.bytesPut(), guest.digest());
            return new TrialResult(slot.index(), slot.round(), slot.warmup(), series.key(),
                    failure.isEmpty() ? TrialStatus.VERIFIED : TrialStatus.FAILED, failure.orElse(null), startedAt,
                    (t1 - t0) / 1e9, (first instanceof Message.Done ? t2 - t0 : 0) / 1e9, counts(sink, counting, sent),
                    senderCpu, result.cpu(), load1.retransmitsSince(load0), load1.busySince(load0), load1.stealSince(load0), load1.userSince(load0));
        }
    }

    private static void applySocketOptions(SocketChannel data, SocketOptions socket) throws IOException {
        if (socket.noDelay()) {
            data.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        if (socket.sndbuf() > 0) {
            data.setOption(StandardSocketOptions.SO_SNDBUF, socket.sndbuf()); // turns the kernel's autotuning off
        }
    }

    /** The null network: the sender writes into a discarding channel; nothing can check the result. */
    private TrialResult unverified(Schedule.Slot slot, SeriesPlan series) throws IOException {
        SenderRams.Prepared guest = rams.of(series.variant().ram());
        String startedAt = Instant.now().toString();
        CountingChannel counting = new CountingChannel(new NullChannel());
        StreamSink sink = series.strategy().open(counting, series.variant().sink());
        MachineLoad.Sample load0 = MachineLoad.now();
        CpuClock.Sample cpu0 = cpu.now();
        long t0 = System.nanoTime();
        StreamEncoder.Sent sent = guest.encoder().encode(sink);
        long t1 = System.nanoTime();
        Cpu senderCpu = cpu.since(cpu0);
        MachineLoad.Sample load1 = MachineLoad.now();
        return new TrialResult(slot.index(), slot.round(), slot.warmup(), series.key(), TrialStatus.UNVERIFIED, null,
                startedAt, (t1 - t0) / 1e9, (t1 - t0) / 1e9, counts(sink, counting, sent), senderCpu, Cpu.NONE,
                0, load1.busySince(load0), load1.stealSince(load0), load1.userSince(load0));
    }

    private static Counts counts(StreamSink sink, CountingChannel counting, StreamEncoder.Sent sent) {
        return new Counts(sink.bytesPut(), sent.dupPages(), sent.nodupPages(), counting.writeCalls(),
                counting.writevCalls(), counting.iovecs(), sink.bytesCopied());
    }

    /** empty when the receiver holds exactly our RAM; else why not */
    private static Optional<String> verdict(Message.Result result, long bytesSent, RamDigest sender) {
        if (!result.ok()) {
            return Optional.of("receiver: " + result.failure());
        }
        if (result.streamBytes() != bytesSent) {
            return Optional.of("receiver read " + result.streamBytes() + " stream bytes, sender wrote " + bytesSent);
        }
        if (!result.digest().equals(sender.blocks())) {
            String blocks = String.join(", ", sender.blocks().stream()
                    .filter(b -> !result.digest().contains(b)).map(RamDigest.BlockDigest::name).toList());
            return Optional.of("RAM digest mismatch in block(s) " + blocks + ": the receiver's RAM differs from the sender's");
        }
        return Optional.empty();
    }
}
