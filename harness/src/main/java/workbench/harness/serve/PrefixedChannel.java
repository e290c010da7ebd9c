package workbench.harness.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ScatteringByteChannel;

/** A channel whose first bytes were read to identify it: they are handed out again, then the rest. */
final class PrefixedChannel implements ScatteringByteChannel {
    private final ByteBuffer prefix;
    private final ReadableByteChannel rest;

    PrefixedChannel(ByteBuffer prefix, ReadableByteChannel rest) {
        this.prefix = prefix;
        this.rest = rest;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!prefix.hasRemaining()) {
            return rest.read(dst);
        }
        int n = Math.min(prefix.remaining(), dst.remaining());
        dst.put(prefix.slice().limit(n));
        prefix.position(prefix.position() + n);
        return n;
    }

    /** The prefix first (on its own), then scattering reads of the rest where it scatters. */
    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        if (!prefix.hasRemaining() && rest instanceof ScatteringByteChannel s) {
            return s.read(dsts, offset, length);
        }
        for (int i = offset; i < offset + length; i++) {
            if (dsts[i].hasRemaining()) {
                return read(dsts[i]);
            }
        }
        return 0;
    }

    @Override
    public long read(ByteBuffer[] dsts) throws IOException {
        return read(dsts, 0, dsts.length);
    }

    @Override
    public boolean isOpen() {
        return rest.isOpen();
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
