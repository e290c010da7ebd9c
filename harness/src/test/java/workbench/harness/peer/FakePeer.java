package workbench.harness.peer;

import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import workbench.harness.io.NullChannel;
import workbench.reports.model.Cpu;
import workbench.reports.model.SeriesRole;
import workbench.workloads.ram.RamDigest;

/**
 * Test peer without sockets: it takes the stream, advances a fake clock by the send time the
 * script gives each trial, and answers with the faithful digest or the scripted failure.
 */
public final class FakePeer implements Peer {
    /** What trial {@code index} does: how long its sending takes, and how the receiver answers. */
    public record Script(double sendSeconds, Optional<String> failure) {
        public static Script ok(double seconds) {
            return new Script(seconds, Optional.empty());
        }

        public static Script failing(double seconds, String why) {
            return new Script(seconds, Optional.of(why));
        }
    }

    private final AtomicLong clock;
    private final IntFunction<Script> script;
    private final RamDigest faithful;

    /**
     * @param clock    the fake clock's nanoseconds, advanced by each trial's send time
     * @param faithful the digest of the sender's RAM, which a faithful receiver holds
     */
    public FakePeer(AtomicLong clock, IntFunction<Script> script, RamDigest faithful) {
        this.clock = clock;
        this.script = script;
        this.faithful = faithful;
    }

    @Override
    public Reception prepare(TrialRequest request) {
        Script s = script.apply(request.trial());
        return new Reception() {
            private final Taking channel = new Taking(clock, (long) (s.sendSeconds() * 1e9));

            @Override
            public List<GatheringByteChannel> connect(SenderSockets sockets) {
                return List.of(channel);
            }

            @Override
            public void endOfStream() {
                // the stream is all here
            }

            @Override
            public boolean awaitEnd(Duration timeout) {
                clock.addAndGet(1_000_000); // the receiver reads the end a millisecond later
                return s.failure().isEmpty();
            }

            @Override
            public Receipt receipt(Duration timeout) {
                return new Receipt(true, s.failure(), s.failure().isEmpty() ? faithful.blocks() : List.of(), channel.bytes(),
                        Cpu.NONE);
            }

            @Override
            public void close() {
                channel.close();
            }
        };
    }

    @Override
    public SeriesRole role() {
        return SeriesRole.STRATEGY;
    }

    @Override
    public void close() {
        // nothing to end
    }

    /** Discards bytes; the first write of a trial moves the clock by the whole send time. */
    private static final class Taking implements GatheringByteChannel {
        private final NullChannel sink = new NullChannel();
        private final AtomicLong clock;
        private long sendNanos;

        Taking(AtomicLong clock, long sendNanos) {
            this.clock = clock;
            this.sendNanos = sendNanos;
        }

        private void elapse() {
            clock.addAndGet(sendNanos);
            sendNanos = 0;
        }

        long bytes() {
            return sink.bytes();
        }

        @Override
        public int write(ByteBuffer src) {
            elapse();
            return sink.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            elapse();
            return sink.write(srcs, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs) {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public boolean isOpen() {
            return sink.isOpen();
        }

        @Override
        public void close() {
            sink.close();
        }
    }
}
