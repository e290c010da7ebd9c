package workbench.harness.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * The receiver as QEMU's destination does it: one read per buffer fill, then copy each page into
 * guest RAM. {@link ScatterSource} reads the same way between its scatters, from a larger buffer.
 */
public sealed class BufferedSource implements StreamSource permits ScatterSource {
    public static final int DEFAULT_BUFFER = 32 * 1024;

    final ReadableByteChannel in;
    /** unread bytes are [position, limit) */
    final ByteBuffer buffer;
    private final int readLimit;
    long consumed;
    boolean eof;
    /** bytes copied out of the buffer into callers' buffers (RAM): the copy a scattering read saves */
    long copied;

    public BufferedSource(ReadableByteChannel in, int bufferBytes) {
        this(in, bufferBytes, bufferBytes);
    }

    /** a buffer of {@code capacity} bytes, filled with at most {@code readLimit} bytes per read */
    BufferedSource(ReadableByteChannel in, int capacity, int readLimit) {
        this.in = in;
        this.buffer = ByteBuffer.allocateDirect(capacity).flip();
        this.readLimit = readLimit;
    }

    public BufferedSource(ReadableByteChannel in) {
        this(in, DEFAULT_BUFFER);
    }

    @Override
    public int readByte() throws IOException {
        need(1);
        consumed++;
        return buffer.get() & 0xff;
    }

    @Override
    public int readBe32() throws IOException {
        if (buffer.remaining() >= Integer.BYTES) {
            consumed += Integer.BYTES;
            return buffer.getInt();
        }
        return StreamSource.super.readBe32();
    }

    @Override
    public long readBe64() throws IOException {
        if (buffer.remaining() >= Long.BYTES) {
            consumed += Long.BYTES;
            return buffer.getLong();
        }
        return StreamSource.super.readBe64();
    }

    @Override
    public void readFully(byte[] dst, int offset, int length) throws IOException {
        while (length > 0) {
            need(1);
            int n = Math.min(length, buffer.remaining());
            buffer.get(dst, offset, n);
            consumed += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void readInto(ByteBuffer dst) throws IOException {
        while (dst.hasRemaining()) {
            copyInto(dst);
        }
    }

    /** Copies what is buffered, filling first if nothing is, into {@code dst}: QEMU's copy from its buffer into guest RAM. */
    final void copyInto(ByteBuffer dst) throws IOException {
        need(1);
        int n = Math.min(dst.remaining(), buffer.remaining());
        int limit = buffer.limit();
        buffer.limit(buffer.position() + n);
        dst.put(buffer);
        buffer.limit(limit);
        consumed += n;
        copied += n;
    }

    /** bytes copied from the read buffer into the buffers pages are read into (each page's copy into RAM, here) */
    public long copiedBytes() {
        return copied;
    }

    @Override
    public int peekByte() throws IOException {
        if (!buffer.hasRemaining() && !fill()) {
            return -1;
        }
        return buffer.get(buffer.position()) & 0xff;
    }

    @Override
    public long offset() {
        return consumed;
    }

    void need(int bytes) throws IOException {
        while (buffer.remaining() < bytes) {
            if (!fill()) {
                throw new EOFException("stream ended at offset " + (consumed + buffer.remaining()));
            }
        }
    }

    /** Reads up to {@code readLimit} more bytes after the unread ones; false at the end of the stream. */
    boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        buffer.compact();
        buffer.limit((int) Math.min(buffer.capacity(), (long) buffer.position() + readLimit));
        try {
            int n;
            do {
                n = in.read(buffer);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return false;
            }
            return true;
        } finally {
            buffer.flip();
        }
    }
}
