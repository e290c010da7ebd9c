package workbench.harness.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ScatteringByteChannel;

/**
 * A source that can also read straight into the caller's buffers with one scattering read
 * ({@link #scatter}), and take back bytes that were read there but turned out not to belong
 * ({@link #unread}). The decoder predicts where the next pages go, scatters into guest RAM,
 * checks the headers that arrived and hands back whatever followed the first one it did not
 * predict; between scatters it reads like {@link BufferedSource} (one read per fill of at most
 * {@code readBuffer} bytes).
 *
 * <p>Its buffer holds {@code readBuffer + maxScatter} bytes, so that everything a scatter took
 * can always be handed back in front of what was still buffered.
 */
public final class ScatterSource extends BufferedSource {
    private final ScatteringByteChannel scattering;
    private final int readBuffer;
    private final long maxScatter;
    private long mispredictions;
    private long scatters;
    private long unreadBytes;
    private long restoredPages;

    /**
     * @param readBuffer bytes per ordinary read
     * @param maxScatter the most bytes one {@link #scatter} may be asked to take
     */
    public ScatterSource(ReadableByteChannel in, int readBuffer, long maxScatter) {
        super(in, capacity(readBuffer, maxScatter), readBuffer);
        this.scattering = in instanceof ScatteringByteChannel s ? s : null;
        this.readBuffer = readBuffer;
        this.maxScatter = maxScatter;
    }

    /** room for a read buffer and everything one scatter may hand back */
    private static int capacity(int readBuffer, long maxScatter) {
        if (readBuffer < 16 || maxScatter < 1 || readBuffer + maxScatter > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("read buffer " + readBuffer + ", scatter " + maxScatter);
        }
        return (int) (readBuffer + maxScatter);
    }

    public long maxScatter() {
        return maxScatter;
    }

    /** predictions the decoder found wrong (a header that arrived was not the predicted one) */
    public long mispredictions() {
        return mispredictions;
    }

    /** scattering reads made */
    public long scatters() {
        return scatters;
    }

    /** The decoder counts a wrong prediction. */
    public void mispredicted() {
        mispredictions++;
    }

    /** The decoder counts pages it put back (refilled or copied back) after a wrong prediction wrote them. */
    public void restored(int pages) {
        restoredPages += pages;
    }

    /** pages put back after a wrong prediction */
    public long restoredPages() {
        return restoredPages;
    }

    /** bytes handed back by {@link #unread}: each is copied into the buffer, then out of it again */
    public long unreadBytes() {
        return unreadBytes;
    }

    /**
     * Fills {@code dsts[0]} completely and then as much of the following buffers, in order, as
     * the bytes at hand and one further scattering read give: buffered bytes first (copied), then,
     * once the buffer is empty, reads straight into the buffers. Every byte placed counts as
     * consumed until {@link #unread} gives it back.
     *
     * @return bytes placed
     * @throws EOFException the stream ended before {@code dsts[0]} was full
     */
    public long scatter(ByteBuffer[] dsts, int count) throws IOException {
        return scatter(dsts, 0, count);
    }

    /** As {@link #scatter(ByteBuffer[], int)}, into {@code dsts[offset]} and the {@code count - 1} buffers after it. */
    public long scatter(ByteBuffer[] dsts, int offset, int count) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + count; i++) {
            total += dsts[i].remaining();
        }
        if (total > maxScatter) {
            throw new IllegalArgumentException("a scatter of " + total + " bytes exceeds " + maxScatter);
        }
        long placed = 0;
        int first = offset;
        int end = offset + count;
        while (buffer.hasRemaining() && first < end) {
            ByteBuffer d = dsts[first];
            int n = Math.min(d.remaining(), buffer.remaining());
            int limit = buffer.limit();
            d.put(buffer.limit(buffer.position() + n));
            buffer.limit(limit);
            placed += n;
            copied += n;
            if (!d.hasRemaining()) {
                first++;
            }
        }
        if (!buffer.hasRemaining()) {
            buffer.limit(buffer.capacity()).position(buffer.capacity()); // empty, at the end: unread fills it backwards
            boolean once = false;
            while (first < end && !eof && (dsts[offset].hasRemaining() || !once)) {
                long n = read(dsts, first, end - first);
                once = true;
                if (n < 0) {
                    eof = true;
                    break;
                }
                placed += n;
                while (first < end && !dsts[first].hasRemaining()) {
                    first++;
                }
            }
        }
        consumed += placed;
        if (dsts[offset].hasRemaining()) {
            throw new EOFException("stream ended at offset " + consumed);
        }
        return placed;
    }

    private long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long n;
        do {
            if (scattering != null) {
                scatters++;
                n = scattering.read(dsts, offset, length);
            } else {
                n = in.read(dsts[offset]);
            }
        } while (n == 0);
        return n;
    }

    /**
     * Gives back the bytes {@code [0, position)} of {@code src} (which a scatter placed there): they
     * are read again before anything still buffered. Call in reverse stream order.
     */
    public void unread(ByteBuffer src) {
        int n = src.position();
        if (n == 0) {
            return;
        }
        if (buffer.position() < n) {
            // move the unread bytes to the end (rare: a scatter that took everything it was given ends at the buffer's end)
            int rem = buffer.remaining();
            ByteBuffer copy = ByteBuffer.allocate(rem).put(buffer).flip();
            buffer.limit(buffer.capacity()).position(buffer.capacity() - rem);
            buffer.put(copy).position(buffer.capacity() - rem);
            if (buffer.position() < n) {
                throw new IllegalStateException("no room to unread " + n + " bytes before " + rem);
            }
        }
        int at = buffer.position() - n;
        buffer.put(at, src, 0, n);
        buffer.position(at);
        consumed -= n;
        unreadBytes += n;
    }

    /** bytes buffered and not yet read: a scatter only reads straight into RAM once these are gone */
    public int buffered() {
        return buffer.remaining();
    }

    /** The be64 {@code at} bytes past the next byte, all of it buffered ({@code at + 8 <= buffered()}), without consuming anything. */
    public long bufferedBe64(int at) {
        if (at < 0 || at > buffer.remaining() - Long.BYTES) {
            throw new IndexOutOfBoundsException("a be64 at " + at + " of " + buffer.remaining() + " buffered bytes");
        }
        return buffer.getLong(buffer.position() + at);
    }

    @Override
    public void readInto(ByteBuffer dst) throws IOException {
        while (dst.hasRemaining()) {
            if (!buffer.hasRemaining() && dst.remaining() >= readBuffer / 2) {
                // nothing buffered and a large rest: straight in rather than through the buffer
                long n = read(new ByteBuffer[] {dst}, 0, 1);
                if (n < 0) {
                    eof = true;
                    throw new EOFException("stream ended at offset " + consumed);
                }
                consumed += n;
            } else {
                copyInto(dst);
            }
        }
    }
}
