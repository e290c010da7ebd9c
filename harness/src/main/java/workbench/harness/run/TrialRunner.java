package workbench.harness.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import workbench.harness.io.CountingChannel;
import workbench.harness.io.StreamSink;
import workbench.harness.io.WriteStrategy;
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
    private final RemoteReceiver receiver;
    private final CpuClock cpu = new CpuClock();

    public TrialRunner(RunPlan plan, StreamEncoder encoder, RamDigest senderDigest, RemoteReceiver receiver) {
        this.plan = plan;
        this.encoder = encoder;
        this.senderDigest = senderDigest;
        this.receiver = receiver;
    }

    public TrialResult run(Schedule.Slot slot, WriteStrategy strategy) throws IOException {
        SeriesKey series = SeriesKey.of(strategy.label(), plan.network());
        Message.Ready ready = receiver.prepare(new Message.TrialParams(slot.index(), plan.ram(), plan.dupPolicy(), plan.readBuffer()));
        String startedAt = Instant.now().toString();
        try (SocketChannel data = SocketChannel.open(endpoint(ready.endpoint()))) {
            CountingChannel counting = new CountingChannel(data);
            StreamSink sink = strategy.open(counting, plan.sink());
            MachineLoad.Sample load0 = MachineLoad.now();
            CpuClock.Sample cpu0 = cpu.now();
            long t0 = System.nanoTime();
            StreamEncoder.Sent sent;
            try {
                sent = encoder.encode(sink);
            } catch (IOException e) {
                Message.Result r = receiver.awaitResult(TRANSFER_TIMEOUT);
                throw new IOException("sending failed: " + e.getMessage() + (r.ok() ? "" : "; receiver: " + r.failure()), e);
            }
            long t1 = System.nanoTime();
            data.shutdownOutput();
            Message first = receiver.awaitDoneOrResult(TRANSFER_TIMEOUT);
            long t2 = System.nanoTime();
            Cpu senderCpu = cpu.since(cpu0); // the sending thread idles after its flush: its CPU is the encode's
            MachineLoad.Sample load1 = MachineLoad.now();
            Message.Result result = first instanceof Message.Result r ? r : receiver.awaitResult(TRANSFER_TIMEOUT);
            Counts counts = new Counts(sink.bytesPut(), sent.dupPages(), sent.nodupPages(), counting.writeCalls(),
                    counting.writevCalls(), counting.iovecs(), sink.bytesCopied());
            String failure = verdict(result, sink.bytesPut());
            return new TrialResult(slot.index(), slot.round(), slot.warmup(), series,
                    failure == null ? TrialStatus.VERIFIED : TrialStatus.FAILED, failure, startedAt,
                    (t1 - t0) / 1e9, (first instanceof Message.Done ? t2 - t0 : 0) / 1e9, counts, senderCpu,
                    result.cpu(), load1.retransmitsSince(load0), load1.busySince(load0), load1.stealSince(load0));
        }
    }

    /** null when the receiver holds exactly our RAM; else why not */
    private String verdict(Message.Result result, long bytesSent) {
        if (!result.ok()) {
            return "receiver: " + result.failure();
        }
        if (result.streamBytes() != bytesSent) {
            return "receiver read " + result.streamBytes() + " stream bytes, sender wrote " + bytesSent;
        }
        if (!result.digest().equals(senderDigest.blocks())) {
            return "RAM digest mismatch: receiver " + result.digest() + " != sender " + senderDigest.blocks();
        }
        return null;
    }

    static InetSocketAddress endpoint(String endpoint) throws IOException {
        if (!endpoint.startsWith("tcp:")) {
            throw new IOException("unsupported data endpoint '" + endpoint + "'");
        }
        String hostPort = endpoint.substring(4);
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
