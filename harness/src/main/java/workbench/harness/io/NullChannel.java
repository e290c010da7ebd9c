package workbench.harness.io;

import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/** Takes every byte and keeps none: the sender-side ceiling, with no kernel below it. */
public final class NullChannel implements GatheringByteChannel {
    private boolean open = true;
    private long bytes;

    @Override
    public int write(ByteBuffer src) {
        int n = src.remaining();
        src.position(src.limit());
        bytes += n;
        return n;
    }

    /** bytes taken so far */
    public long bytes() {
        return bytes;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        long n = 0;
        for (int i = offset; i < offset + Math.min(length, SyscallCounts.IOV_MAX); i++) {
            n += write(srcs[i]);
        }
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs) {
        return write(srcs, 0, srcs.length);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
