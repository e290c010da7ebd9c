package workbench.harness.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/** Counts the system calls a strategy makes: plain writes, gathering writes, iovecs and bytes. */
public final class CountingChannel implements GatheringByteChannel {
    /** Linux's IOV_MAX: a gathering write hands the kernel at most this many buffers */
    public static final int IOV_MAX = 1024;

    private final GatheringByteChannel inner;
    private long writeCalls;
    private long writevCalls;
    private long iovecs;
    private long bytes;

    public CountingChannel(GatheringByteChannel inner) {
        this.inner = inner;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        writeCalls++;
        int n = inner.write(src);
        bytes += n;
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        writevCalls++;
        iovecs += Math.min(length, IOV_MAX);
        long n = inner.write(srcs, offset, length);
        bytes += n;
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs) throws IOException {
        return write(srcs, 0, srcs.length);
    }

    public long writeCalls() {
        return writeCalls;
    }

    public long writevCalls() {
        return writevCalls;
    }

    public long iovecs() {
        return iovecs;
    }

    public long bytes() {
        return bytes;
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
