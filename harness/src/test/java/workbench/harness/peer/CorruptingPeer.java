package workbench.harness.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/**
 * Test decorator: flips one byte of the main stream in flight, at a fraction of its expected
 * length (deep inside the pages of a guest without zero runs), as a page lost or damaged on the
 * way would. The receiver is real; only the bytes it is given differ from what was sent.
 */
public final class CorruptingPeer extends MainStreamPeer {
    private final double at;

    /** @param at where to flip, as a fraction of the guest's size */
    public CorruptingPeer(Peer inner, double at) {
        super(inner);
        this.at = at;
    }

    @Override
    protected GatheringByteChannel wrap(GatheringByteChannel main, TrialRequest request) {
        return new Flipping(main, (long) (request.ram().size() * at));
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
