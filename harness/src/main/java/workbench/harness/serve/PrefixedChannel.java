package workbench.harness.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** A channel whose first bytes were read to identify it: they are handed out again, then the rest. */
final class PrefixedChannel implements ReadableByteChannel {
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

    @Override
    public boolean isOpen() {
        return rest.isOpen();
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
