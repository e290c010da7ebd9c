package workbench.harness.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import workbench.harness.io.ScatterSource;
import workbench.harness.io.StreamSource;

/**
 * The decoder's view of its source: the source's reads, plus a bounded look-ahead (for the
 * device-section footer search) and the name of the item being read (for the error a truncated
 * stream turns into). While nothing is looked ahead, every read goes straight to the source, so
 * pages still land in RAM with the source's own copy.
 */
final class DecoderInput implements StreamSource {
    /** the longest look-ahead: a footer (5) + a START/FULL header with a 255-byte idstr (269), with room */
    static final int LOOKAHEAD = 512;

    private final StreamSource in;
    private final byte[] ahead = new byte[LOOKAHEAD];
    private final byte[] scratch = new byte[8192];
    private int head;
    private int tail;
    private String item = "the stream header";
    private long itemAt;

    private final ScatterSource scatter;

    DecoderInput(StreamSource in) {
        this.in = in;
        this.scatter = in instanceof ScatterSource s ? s : null;
    }

    boolean canScatter() {
        return scatter != null;
    }

    /** the source if it can scatter, looked-ahead bytes or not */
    ScatterSource scatterSource() {
        return scatter;
    }

    /** the source, when it can scatter and nothing is looked ahead (so its next byte is the stream's); else null */
    ScatterSource scatter() {
        return head == tail ? scatter : null;
    }

    /** Names what is read next; a truncation there is reported as "expected {@code what}". */
    void expect(String what) {
        item = what;
        itemAt = offset();
    }

    String item() {
        return item;
    }

    long itemAt() {
        return itemAt;
    }

    @Override
    public int readByte() throws IOException {
        return head < tail ? ahead[head++] & 0xff : in.readByte();
    }

    @Override
    public int readBe32() throws IOException {
        return head == tail ? in.readBe32() : StreamSource.super.readBe32();
    }

    @Override
    public long readBe64() throws IOException {
        return head == tail ? in.readBe64() : StreamSource.super.readBe64();
    }

    @Override
    public void readFully(byte[] dst, int offset, int length) throws IOException {
        int n = Math.min(length, tail - head);
        System.arraycopy(ahead, head, dst, offset, n);
        head += n;
        if (n < length) {
            in.readFully(dst, offset + n, length - n);
        }
    }

    @Override
    public void readInto(ByteBuffer dst) throws IOException {
        int n = Math.min(dst.remaining(), tail - head);
        dst.put(ahead, head, n);
        head += n;
        if (dst.hasRemaining()) {
            in.readInto(dst);
        }
    }

    @Override
    public int peekByte() throws IOException {
        return head < tail ? ahead[head] & 0xff : in.peekByte();
    }

    @Override
    public long offset() {
        return in.offset() - (tail - head);
    }

    /** Consumes {@code n} bytes. */
    void skip(long n) throws IOException {
        while (n > 0) {
            int chunk = (int) Math.min(n, scratch.length);
            readFully(scratch, 0, chunk);
            n -= chunk;
        }
    }

    /** The byte {@code k} positions ahead (0 = the next one) without consuming it, or -1 if the stream ends first. */
    int peek(int k) throws IOException {
        if (k < 0 || k >= LOOKAHEAD) {
            throw new IllegalArgumentException("look-ahead " + k + " outside [0, " + LOOKAHEAD + ")");
        }
        while (tail - head <= k) {
            if (in.peekByte() < 0) {
                return -1;
            }
            if (tail == ahead.length) {
                System.arraycopy(ahead, head, ahead, 0, tail - head);
                tail -= head;
                head = 0;
            }
            ahead[tail++] = (byte) in.readByte();
        }
        return ahead[head + k] & 0xff;
    }

    /** The be32 at {@code k} positions ahead as an unsigned value, or -1 if the stream ends first. */
    long peekBe32(int k) throws IOException {
        long v = 0;
        for (int i = 0; i < Integer.BYTES; i++) {
            int b = peek(k + i);
            if (b < 0) {
                return -1;
            }
            v = (v << 8) | b;
        }
        return v;
    }
}
