package workbench.harness.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * Test decorator: a slow link in front of a real receiver. The main stream goes out at most
 * {@code bytesPerSecond}, in pieces of at most 64 KiB, so a guest's writers can outrun it.
 */
public final class ThrottledPeer extends MainStreamPeer {
    private final long bytesPerSecond;

    public ThrottledPeer(Peer inner, long bytesPerSecond) {
        super(inner);
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    protected GatheringByteChannel wrap(GatheringByteChannel main, TrialRequest request) {
        return new Slow(main, bytesPerSecond);
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
