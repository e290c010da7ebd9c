package workbench.harness.io;

import java.nio.ByteBuffer;
import java.nio.channels.ScatteringByteChannel;
import java.util.SplittableRandom;

/**
 * A stream held in memory, handed out as a socket might: each read (plain or scattering) returns
 * between 1 and {@code maxPerRead} bytes, at random.
 */
public final class ShortReadChannel implements ScatteringByteChannel {
    private final ByteBuffer bytes;
    private final int maxPerRead;
    private final SplittableRandom random;
    private long reads;

    public ShortReadChannel(byte[] stream, int maxPerRead, long seed) {
        this.bytes = ByteBuffer.wrap(stream);
        this.maxPerRead = maxPerRead;
        this.random = new SplittableRandom(seed);
    }

    public long reads() {
        return reads;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
        if (!bytes.hasRemaining()) {
            return -1;
        }
        reads++;
        int budget = 1 + random.nextInt(maxPerRead);
        long n = 0;
        for (int i = offset; i < offset + length && budget > 0 && bytes.hasRemaining(); i++) {
            int k = Math.min(Math.min(budget, dsts[i].remaining()), bytes.remaining());
            dsts[i].put(bytes.slice(bytes.position(), k));
            bytes.position(bytes.position() + k);
            budget -= k;
            n += k;
        }
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts) {
        return read(dsts, 0, dsts.length);
    }

    @Override
    public int read(ByteBuffer dst) {
        return (int) read(new ByteBuffer[] {dst}, 0, 1);
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }
}
