package workbench.harness.micro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ScatteringByteChannel;
import java.util.List;
import workbench.harness.io.NullChannel;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.strategy.Strategies;
import workbench.harness.stream.StreamEncoder;

/**
 * A whole migration stream held off-heap, and a channel that hands it out as a socket does: each
 * read, plain or scattering, returns at most {@code chunk} bytes (what had arrived), with no
 * allocation per read. {@link #rewind} starts the stream over for the next invocation.
 */
final class MemoryStream implements ScatteringByteChannel {
    private final ByteBuffer bytes;
    /** the same bytes, its position and limit moved per read to mark the piece handed out */
    private final ByteBuffer window;
    private final int chunk;
    private long reads;

    private MemoryStream(ByteBuffer bytes, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("a read must hand out at least one byte, got " + chunk);
        }
        this.bytes = bytes;
        this.window = bytes.duplicate();
        this.chunk = chunk;
    }

    /** The bulk stream of {@code encoder}'s guest as {@code strategy} writes it, read back {@code chunk} bytes at a time. */
    static MemoryStream encode(StreamEncoder encoder, String strategy, int chunk) {
        NullChannel counter = new NullChannel();
        write(encoder, strategy, counter);
        if (counter.bytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a stream of " + counter.bytes() + " bytes does not fit one buffer");
        }
        ByteBuffer into = ByteBuffer.allocateDirect((int) counter.bytes());
        write(encoder, strategy, new Collector(into));
        if (into.hasRemaining()) {
            throw new IllegalStateException("the second encoding wrote " + into.position() + " of " + into.capacity() + " bytes");
        }
        return new MemoryStream(into.flip(), chunk);
    }

    private static void write(StreamEncoder encoder, String strategy, GatheringByteChannel out) {
        try (StreamSink sink = Strategies.byName(strategy).open(List.of(out), SinkOptions.of(SinkOptions.QEMU_BUFFER, 128))) {
            encoder.encode(sink);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory channel cannot fail", e);
        }
    }

    long length() {
        return bytes.limit();
    }

    /** reads made since the last rewind */
    long reads() {
        return reads;
    }

    /** Back to the first byte. */
    MemoryStream rewind() {
        bytes.rewind();
        reads = 0;
        return this;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
        if (!bytes.hasRemaining()) {
            return -1;
        }
        reads++;
        int budget = Math.min(chunk, bytes.remaining());
        long n = 0;
        for (int i = offset; i < offset + length && budget > 0; i++) {
            int k = Math.min(budget, dsts[i].remaining());
            int at = bytes.position();
            window.limit(at + k).position(at);
            dsts[i].put(window);
            bytes.position(at + k);
            budget -= k;
            n += k;
        }
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts) {
        return read(dsts, 0, dsts.length);
    }

    @Override
    public int read(ByteBuffer dst) {
        if (!bytes.hasRemaining()) {
            return -1;
        }
        reads++;
        int k = Math.min(Math.min(chunk, bytes.remaining()), dst.remaining());
        int at = bytes.position();
        window.limit(at + k).position(at);
        dst.put(window);
        bytes.position(at + k);
        return k;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }

    /** Keeps what a sink writes in a buffer of the stream's length. */
    private static final class Collector implements GatheringByteChannel {
        private final ByteBuffer into;

        Collector(ByteBuffer into) {
            this.into = into;
        }

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            into.put(src);
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            long n = 0;
            for (int i = offset; i < offset + length; i++) {
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
            return true;
        }

        @Override
        public void close() {
        }
    }
}
