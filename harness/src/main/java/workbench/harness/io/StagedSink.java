package workbench.harness.io;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A sink whose small items — headers, idstrs, fill bytes — are copied into a direct staging
 * buffer while pages travel some other way (referenced in an iovec, or sent from the guest's
 * file). The four puts, the byte counts and the system-call counts are here once; a subclass says
 * how to make room in the staging buffer and how pages go out.
 */
abstract class StagedSink implements StreamSink {
    protected final ByteBuffer staging;
    protected final SyscallCounts calls = new SyscallCounts();
    private long put;
    private long copied;

    StagedSink(int stagingBytes) {
        this.staging = ByteBuffer.allocateDirect(stagingBytes);
    }

    /** Makes room for {@code bytes} more in the staging buffer (or throws the failure of an earlier write). */
    protected abstract void room(int bytes) throws IOException;

    @Override
    public final void putByte(int b) throws IOException {
        room(1);
        staging.put((byte) b);
        copied(1);
    }

    @Override
    public final void putBe32(int v) throws IOException {
        room(Integer.BYTES);
        staging.putInt(v);
        copied(Integer.BYTES);
    }

    @Override
    public final void putBe64(long v) throws IOException {
        room(Long.BYTES);
        staging.putLong(v);
        copied(Long.BYTES);
    }

    @Override
    public final void putBytes(byte[] src, int offset, int length) throws IOException {
        while (length > 0) {
            room(1);
            int n = Math.min(length, staging.remaining());
            staging.put(src, offset, n);
            copied(n);
            offset += n;
            length -= n;
        }
    }

    /** counts {@code n} stream bytes that went out without a copy (pages) */
    protected final void uncopied(long n) {
        put += n;
    }

    private void copied(int n) {
        put += n;
        copied += n;
    }

    @Override
    public final long bytesPut() {
        return put;
    }

    @Override
    public final long bytesCopied() {
        return copied;
    }

    @Override
    public final SyscallCounts calls() {
        return calls;
    }
}
