package workbench.harness.io;

import java.io.IOException;
import java.util.List;

/**
 * Where the encoder puts the migration stream: QEMUFile's shape. Small items are copied; RAM
 * pages arrive as whole records ({@link #page}) so a strategy may frame them its own way — route
 * them to other connections, merge their headers — and a page's bytes are handed over by
 * reference, to be copied, gathered or sent from the backing file. The first I/O error sticks:
 * later calls throw it again.
 */
public interface StreamSink extends AutoCloseable {
    void putByte(int b) throws IOException;

    void putBe32(int v) throws IOException;

    void putBe64(long v) throws IOException;

    void putBytes(byte[] src, int offset, int length) throws IOException;

    default void putBytes(byte[] src) throws IOException {
        putBytes(src, 0, src.length);
    }

    /**
     * One RAM page record: {@code fill} is the byte of a fill (ZERO) record, or -1 for a whole
     * page; {@code continued} when the record before was of the same block. QEMU's framing
     * ({@link PageRecords}) unless the strategy frames pages its own way.
     */
    default void page(PageRef page, int fill, boolean continued) throws IOException {
        PageRecords.write(this, page, fill, continued);
    }

    /**
     * A page's bytes, by reference. They must stay unchanged until the next {@link #flush}; the
     * sink may move the buffer's position.
     */
    void putPageBytes(PageRef page) throws IOException;

    /**
     * The migration capabilities this sink's framing needs, which the encoder announces in the
     * stream's CONFIGURATION section: empty for QEMU's own framing; a workbench extension (such
     * as {@link PageRuns#CAPABILITY}) makes a stream QEMU refuses at its first section.
     */
    default List<String> capabilities() {
        return List.of();
    }

    /** The encoder is about to end a RAM section (its EOS word follows): where QEMU syncs its multifd channels. */
    default void sectionEnd() throws IOException {
    }

    /** Hands everything put so far to the channel; returns when the channel took it all. */
    void flush() throws IOException;

    /** bytes put so far, on every connection */
    long bytesPut();

    /** bytes this sink copied into its own buffers */
    long bytesCopied();

    /** the system calls made so far */
    SyscallCounts calls();

    /** Per multifd channel, what it sent (bytes, gathering writes, packets); empty for a single stream. */
    default List<ChannelCount> channelCounts() {
        return List.of();
    }

    /** user CPU nanoseconds the sink's own threads (multifd's channel writers) have spent so far; 0 for a sink without */
    default long ownThreadsUserNanos() {
        return 0;
    }

    /** user and system CPU nanoseconds of the sink's own threads so far; 0 for a sink without */
    default long ownThreadsCpuNanos() {
        return 0;
    }

    /** What one connection beside the main stream sent: its bytes (initial packet included), gathering writes and packets. */
    record ChannelCount(int channel, long bytes, long writevs, long packets) {
    }

    /** Flushes; the channels themselves are the caller's to close. */
    @Override
    void close() throws IOException;
}
