package workbench.harness.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/** Test channel: keeps every byte; takes at most {@code maxPerCall} bytes per call, like a kernel's short writes. */
public final class CollectingChannel implements GatheringByteChannel {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int maxPerCall;
    private long writes;
    private long writevs;

    public CollectingChannel(int maxPerCall) {
        this.maxPerCall = maxPerCall;
    }

    public CollectingChannel() {
        this(Integer.MAX_VALUE);
    }

    public byte[] bytes() {
        return bytes.toByteArray();
    }

    /** plain writes the channel was handed, counted here to check a sink's own counts */
    public long writes() {
        return writes;
    }

    public long writevs() {
        return writevs;
    }

    @Override
    public int write(ByteBuffer src) {
        writes++;
        return take(src);
    }

    private int take(ByteBuffer src) {
        int n = Math.min(src.remaining(), maxPerCall);
        byte[] chunk = new byte[n];
        src.get(chunk);
        bytes.write(chunk, 0, n);
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        writevs++;
        long budget = maxPerCall;
        long n = 0;
        for (int i = offset; i < offset + Math.min(length, SyscallCounts.IOV_MAX) && budget > 0; i++) {
            int before = srcs[i].remaining();
            int limit = srcs[i].limit();
            srcs[i].limit(srcs[i].position() + (int) Math.min(before, budget));
            int w = take(srcs[i]);
            srcs[i].limit(limit);
            n += w;
            budget -= w;
        }
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs) {
        return write(srcs, 0, srcs.length);
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }
}
