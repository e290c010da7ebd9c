package workbench.harness.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.time.Duration;
import java.util.List;
import workbench.reports.model.SeriesRole;

/**
 * Test decorator: flips one byte of the main stream in flight, at a fraction of its expected
 * length (deep inside the pages of a guest without zero runs), as a page lost or damaged on the
 * way would. The receiver is real; only the bytes it is given differ from what was sent.
 */
public final class CorruptingPeer implements Peer {
    private final Peer inner;
    private final double at;

    /** @param at where to flip, as a fraction of the guest's size */
    public CorruptingPeer(Peer inner, double at) {
        this.inner = inner;
        this.at = at;
    }

    @Override
    public Reception prepare(TrialRequest request) throws IOException {
        Reception r = inner.prepare(request);
        long offset = (long) (request.ram().size() * at);
        return new Reception() {
            @Override
            public List<GatheringByteChannel> connect(SenderSockets sockets) throws IOException {
                List<GatheringByteChannel> channels = r.connect(sockets);
                return List.of(new Flipping(channels.get(0), offset));
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

    /** Passes every byte on, but the one at {@code target} inverted; a copy of the write that holds it. */
    private static final class Flipping implements GatheringByteChannel {
        private final GatheringByteChannel out;
        private final long target;
        private long written;

        Flipping(GatheringByteChannel out, long target) {
            this.out = out;
            this.target = target;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = src.remaining();
            if (written <= target && target < written + n) {
                ByteBuffer copy = ByteBuffer.allocate(n).put(src.duplicate()).flip();
                int i = (int) (target - written);
                copy.put(i, (byte) ~copy.get(i));
                while (copy.hasRemaining()) {
                    out.write(copy);
                }
                src.position(src.limit());
            } else {
                while (src.hasRemaining()) {
                    out.write(src);
                }
            }
            written += n;
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = 0;
            for (int i = offset; i < offset + length; i++) {
                n += write(srcs[i]);
            }
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs) throws IOException {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public boolean isOpen() {
            return out.isOpen();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
