package workbench.harness.stream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/** A gathering channel that keeps every byte; each call takes at most {@code maxPerCall} bytes, as a kernel may. */
final class CollectingChannel implements GatheringByteChannel {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int maxPerCall;

    CollectingChannel(int maxPerCall) {
        this.maxPerCall = maxPerCall;
    }

    CollectingChannel() {
        this(Integer.MAX_VALUE);
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    @Override
    public int write(ByteBuffer src) {
        return take(src, maxPerCall);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        long n = 0;
        for (int i = offset; i < offset + length && n < maxPerCall; i++) {
            n += take(srcs[i], (int) (maxPerCall - n));
        }
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs) {
        return write(srcs, 0, srcs.length);
    }

    private int take(ByteBuffer src, int max) {
        int n = Math.min(src.remaining(), max);
        for (int i = 0; i < n; i++) {
            bytes.write(src.get());
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }
}
