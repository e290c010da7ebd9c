package workbench.harness.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where the decoder reads the migration stream from. Big-endian, like the format. Reading past
 * the end throws {@link EOFException}; {@link #offset} says how far the stream has been read,
 * for error messages.
 */
public interface StreamSource {
    int readByte() throws IOException;

    /** Byte by byte; implementations take a faster path where the bytes are at hand and fall back here. */
    default int readBe32() throws IOException {
        int v = 0;
        for (int i = 0; i < Integer.BYTES; i++) {
            v = (v << 8) | readByte();
        }
        return v;
    }

    default long readBe64() throws IOException {
        return ((long) readBe32() << 32) | (readBe32() & 0xffffffffL);
    }

    void readFully(byte[] dst, int offset, int length) throws IOException;

    /** Fills {@code dst} from position to limit: how a page lands in guest RAM. */
    void readInto(ByteBuffer dst) throws IOException;

    /** The next byte without consuming it, or -1 at the end of the stream. */
    int peekByte() throws IOException;

    /** bytes consumed so far */
    long offset();

    default byte[] readBytes(int length) throws IOException {
        byte[] b = new byte[length];
        readFully(b, 0, length);
        return b;
    }
}
