package workbench.harness.io;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where the encoder puts the migration stream: QEMUFile's shape. Small items are copied; a page
 * is handed over by reference and, depending on the strategy, copied or sent in place. The first
 * I/O error sticks: later calls throw it again.
 */
public interface StreamSink extends AutoCloseable {
    void putByte(int b) throws IOException;

    void putBe32(int v) throws IOException;

    void putBe64(long v) throws IOException;

    void putBytes(byte[] src, int offset, int length) throws IOException;

    /**
     * One guest page, from position to limit. The buffer must stay unchanged until the next
     * {@link #flush}; the sink may move its position.
     */
    void putPage(ByteBuffer page) throws IOException;

    /** Hands everything put so far to the channel; returns when the channel took it all. */
    void flush() throws IOException;

    /** bytes put so far */
    long bytesPut();

    /** bytes this sink copied into its own buffers */
    long bytesCopied();

    /** Flushes; the channel itself is the caller's to close. */
    @Override
    void close() throws IOException;

    default void putBytes(byte[] src) throws IOException {
        putBytes(src, 0, src.length);
    }
}
