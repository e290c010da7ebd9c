package workbench.harness.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * The 2010 QEMUFile: every byte, pages included, is copied into one direct linear buffer, which
 * goes out with one plain write whenever it is full (looped only if the kernel takes part of it).
 */
public final class ScalarSink implements StreamSink {
    private final WritableByteChannel out;
    private final ByteBuffer buffer;
    private final SyscallCounts calls = new SyscallCounts();
    private long put;
    private IOException error;

    public ScalarSink(WritableByteChannel out, int bufferBytes) {
        this.out = out;
        this.buffer = ByteBuffer.allocateDirect(bufferBytes);
    }

    @Override
    public void putByte(int b) throws IOException {
        if (!buffer.hasRemaining()) {
            drain();
        }
        buffer.put((byte) b);
        put++;
    }

    @Override
    public void putBe32(int v) throws IOException {
        if (buffer.remaining() >= Integer.BYTES) {
            buffer.putInt(v);
            put += Integer.BYTES;
        } else {
            for (int shift = 24; shift >= 0; shift -= 8) {
                putByte(v >>> shift);
            }
        }
    }

    @Override
    public void putBe64(long v) throws IOException {
        if (buffer.remaining() >= Long.BYTES) {
            buffer.putLong(v);
            put += Long.BYTES;
        } else {
            putBe32((int) (v >>> 32));
            putBe32((int) v);
        }
    }

    @Override
    public void putBytes(byte[] src, int offset, int length) throws IOException {
        while (length > 0) {
            if (!buffer.hasRemaining()) {
                drain();
            }
            int n = Math.min(length, buffer.remaining());
            buffer.put(src, offset, n);
            offset += n;
            length -= n;
            put += n;
        }
    }

    @Override
    public void putPageBytes(PageRef ref) throws IOException {
        ByteBuffer page = ref.bytes();
        int end = page.limit();
        while (page.position() < end) {
            if (!buffer.hasRemaining()) {
                drain();
            }
            int n = Math.min(end - page.position(), buffer.remaining());
            page.limit(page.position() + n);
            buffer.put(page); // the copy the 2010 patch wanted to avoid
            put += n;
        }
        page.limit(end);
    }

    @Override
    public void flush() throws IOException {
        drain();
    }

    private void drain() throws IOException {
        if (error != null) {
            throw error;
        }
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                calls.write();
                out.write(buffer);
            }
        } catch (IOException e) {
            error = e;
            throw e;
        }
        buffer.clear();
    }

    @Override
    public long bytesPut() {
        return put;
    }

    @Override
    public long bytesCopied() {
        return put;
    }

    @Override
    public SyscallCounts calls() {
        return calls;
    }

    /** Flushes; after a failed write there is nothing to flush, and that failure was already thrown to the writer. */
    @Override
    public void close() throws IOException {
        if (error == null) {
            flush();
        }
    }
}
