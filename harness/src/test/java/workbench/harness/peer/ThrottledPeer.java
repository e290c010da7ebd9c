package workbench.harness.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import workbench.reports.model.SeriesRole;

/**
 * Test decorator: a slow link in front of a real receiver. The main stream goes out at most
 * {@code bytesPerSecond}, in pieces of at most 64 KiB, so a guest's writers can outrun it.
 */
public final class ThrottledPeer implements Peer {
    private final Peer inner;
    private final long bytesPerSecond;

    public ThrottledPeer(Peer inner, long bytesPerSecond) {
        this.inner = inner;
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public Reception prepare(TrialRequest request) throws IOException {
        Reception r = inner.prepare(request);
        return new Reception() {
            @Override
            public List<GatheringByteChannel> connect(SenderSockets sockets) throws IOException {
                return List.of(new Slow(r.connect(sockets).get(0), bytesPerSecond));
            }

            @Override
            public void endOfStream() throws IOException {
                r.endOfStream();
            }

            @Override
            public boolean awaitEnd(Duration timeout) throws IOException {
                return r.awaitEnd(timeout);
            }

            @Override
            public void awaitAck(int part, Duration timeout) throws IOException {
                r.awaitAck(part, timeout);
            }

            @Override
            public workbench.harness.net.control.Message.CheckpointDigest checkpointDigest(int part, Duration timeout)
                    throws IOException {
                return r.checkpointDigest(part, timeout);
            }

            @Override
            public Receipt receipt(Duration timeout) throws IOException {
                return r.receipt(timeout);
            }

            @Override
            public void close() throws IOException {
                r.close();
            }
        };
    }

    @Override
    public SeriesRole role() {
        return inner.role();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }

    private static final class Slow implements GatheringByteChannel {
        private final GatheringByteChannel inner;
        private final long rate;
        private final long t0 = System.nanoTime();
        private long sent;

        Slow(GatheringByteChannel inner, long rate) {
            this.inner = inner;
            this.rate = rate;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            ByteBuffer piece = src.slice(src.position(), Math.min(src.remaining(), 64 << 10));
            int n = inner.write(piece);
            src.position(src.position() + n);
            sent += n;
            long due = t0 + (long) (sent * 1e9 / rate);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                if (srcs[i].hasRemaining()) {
                    return write(srcs[i]);
                }
            }
            return 0;
        }

        @Override
        public long write(ByteBuffer[] srcs) throws IOException {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
