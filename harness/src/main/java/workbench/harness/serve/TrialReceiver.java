package workbench.harness.serve;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import java.util.Optional;
import workbench.harness.stream.MultifdSync;
import workbench.harness.net.control.CheckpointPlan;
import workbench.harness.io.ReceiveMode;
import workbench.harness.io.ScatterSource;
import workbench.harness.io.StreamSource;
import workbench.harness.metrics.CpuClock;
import workbench.harness.metrics.PeakMemory;
import workbench.harness.net.control.Message;
import workbench.harness.stream.Decoded;
import workbench.harness.stream.RamTarget;
import workbench.harness.stream.StreamDecoder;
import workbench.harness.stream.StreamFormatException;
import workbench.reports.model.Cpu;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/**
 * The receiving side of one trial: RAM prepared outside timing (poisoned, or the base image for a
 * partial transfer), the stream decoded into it, the digest taken after {@code done}.
 * RAM is kept between trials of the same layout.
 */
final class TrialReceiver {
    /** read buffers the receiver accepts: from a page to 64 MiB */
    static final int MIN_READ_BUFFER = 4096;
    static final int MAX_READ_BUFFER = 64 << 20;

    /** every byte of RAM the stream must overwrite is set to this first */
    static final byte POISON = (byte) 0xEE;

    private final CpuClock cpu = new CpuClock();
    private GuestRam ram;
    /** whether the prepared RAM holds a base image (else it is all poison) */
    private boolean partial;

    /** Allocates (if the layout changed), pre-faults and poisons RAM for {@code params}. */
    void prepare(Message.TrialParams params) {
        RamSpec spec = params.ram();
        if (ram == null || !ram.hasLayout(spec.blocks()) || ram.pageSize() != spec.pageSize()) {
            release(); // the old RAM goes before the new is allocated
            ram = GuestRam.allocate(spec.blocks(), spec.pageSize());
        }
        partial = spec.partial();
        if (spec.partial()) {
            RamImage.writeBase(ram, spec);
        } else {
            ram.fill(POISON);
        }
    }

    /** Decodes one stream; {@code onEnd} runs the moment its end is read (it sends Done). */
    Message.Result receive(int trial, ReadableByteChannel data, int readBuffer, IoAction onEnd) throws IOException {
        return receive(trial, data, readBuffer, ReceiveMode.BUFFERED, onEnd);
    }

    /** As {@link #receive(int, ReadableByteChannel, int, IoAction)}, reading the way {@code mode} says. */
    Message.Result receive(int trial, ReadableByteChannel data, int readBuffer, ReceiveMode mode, IoAction onEnd)
            throws IOException {
        return receive(trial, data, List.of(), readBuffer, mode, onEnd);
    }

    /**
     * One stream whose nodup pages may come on multifd {@code channels} (after their initial
     * packets), each read by a thread of its own straight into RAM, synced with the main stream at
     * each RAM EOS (MultifdSync). The digest is taken once every channel has ended.
     */
    Message.Result receive(int trial, ReadableByteChannel data, List<? extends ReadableByteChannel> channels, int readBuffer,
                           ReceiveMode mode, IoAction onEnd) throws IOException {
        return receive(trial, data, channels, readBuffer, mode, onEnd, Optional.empty(), m -> {
        });
    }

    /**
     * As above; with a checkpoint plan, every RAM PART section applied is acknowledged through
     * {@code reply} the moment its footer is read, and a checked one is then digested and its digest
     * replied too (after the ack: the digest stays out of the sender's latency).
     */
    Message.Result receive(int trial, ReadableByteChannel data, List<? extends ReadableByteChannel> channels, int readBuffer,
                           ReceiveMode mode, IoAction onEnd, Optional<CheckpointPlan> checkpoints, Reply reply) throws IOException {
        CpuClock.Sample start = cpu.now();
        long t0 = System.nanoTime();
        StreamSource source = mode.open(data, readBuffer);
        // a full transfer lands on poison alone, which a scatter restores by refilling; a partial one on the base image
        RamTarget target = partial ? RamTarget.existing(ram) : RamTarget.existing(ram, POISON);
        MultifdSync sync = new MultifdSync(channels.size());
        MultifdReaders readers = MultifdReaders.start(channels, ram, sync);
        Decoded decoded;
        try {
            StreamDecoder.PartListener parts = checkpoints.isEmpty() ? StreamDecoder.PartListener.NONE : part -> {
                reply.send(new Message.Ack(trial, part));
                if (checkpoints.get().checked(part)) {
                    long d0 = System.nanoTime();
                    RamDigest now = RamDigest.of(ram);
                    reply.send(new Message.CheckpointDigest(trial, part, now.blocks(), (System.nanoTime() - d0) / 1e9));
                }
            };
            decoded = new StreamDecoder(source, channels.isEmpty() ? target : sync.around(target), parts).decode();
            sync.end();
        } catch (StreamFormatException e) {
            sync.fail(new IOException(e.getMessage()));
            return failed(trial, readers.failure().orElse(e.getMessage()), source.offset() + readers.bytes());
        } catch (IOException e) {
            sync.fail(e);
            return failed(trial, readers.failure().orElse("data connection broke after " + source.offset() + " bytes: "
                    + e.getMessage()), source.offset() + readers.bytes());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        onEnd.run();
        var cpuUsed = cpu.since(start); // the channel threads are alive still (they read on to their channels' ends): counted
        Optional<String> channelFailure = readers.awaitEnd(sync);
        if (channelFailure.isPresent()) {
            return failed(trial, channelFailure.get(), decoded.bytes() + readers.bytes());
        }
        RamDigest digest = RamDigest.of(ram);
        long missed = source instanceof ScatterSource s ? s.mispredictions() : 0;
        return new Message.Result(trial, "", digest.blocks(), seconds, decoded.bytes() + readers.bytes(), decoded.records().zero(),
                decoded.records().page() + readers.pages(), cpuUsed, missed, PeakMemory.ofThisProcess().orElse(0));
    }

    /**
     * Lets the RAM go (before other RAM is allocated, or after a failed allocation, so the next trial
     * starts from nothing). Direct memory returns only when its buffers are collected, and nothing
     * collects them until the direct-memory cap is hit: without the collection here a sweep of sizes
     * (--ram 2G,8G) would hold the old guest beside the new one, beyond what the run's memory check
     * counts for a receiver.
     */
    void release() {
        if (ram != null) {
            ram.close();
            ram = null;
            System.gc();
        }
    }

    static Message.Result failed(int trial, String why, long bytes) {
        return new Message.Result(trial, why, List.of(), 0, bytes, 0, 0, Cpu.NONE);
    }

    /** Sends a control message to the sender. */
    @FunctionalInterface
    interface Reply {
        void send(Message m) throws IOException;
    }

    /** An action that may throw an I/O error. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }
}
