package workbench.harness.peer;

import java.io.IOException;
import java.nio.channels.GatheringByteChannel;
import java.time.Duration;
import java.util.List;
import workbench.harness.net.control.Message;

/** One trial at a receiver that has prepared for it: where the stream goes and what became of it. */
public interface Reception extends AutoCloseable {
    /**
     * Opens the trial's data connections, as many as the request asked for, the main stream first.
     * They are the real channels (a socket channel, so transferTo reaches sendfile).
     */
    List<GatheringByteChannel> connect(SenderSockets sockets) throws IOException;

    /** The whole stream is written: the receiver may read its end. */
    void endOfStream() throws IOException;

    /**
     * Waits until the receiver has read the end of the stream. True when it did (the transfer
     * time stops now); false when it failed first (its receipt says why).
     */
    boolean awaitEnd(Duration timeout) throws IOException;

    /**
     * A trial of checkpoints: waits for the receiver's acknowledgement that RAM PART section
     * {@code part} (1-based) is applied. A receiver that failed instead makes this an IOException,
     * and {@link #receipt} then says why.
     */
    default void awaitAck(int part, Duration timeout) throws IOException {
        throw new IOException("this receiver does not acknowledge checkpoints");
    }

    /** A trial of checkpoints: the receiver's RAM digest right after checked section {@code part}. */
    default Message.CheckpointDigest checkpointDigest(int part, Duration timeout) throws IOException {
        throw new IOException("this receiver does not digest checkpoints");
    }

    /** The receiver's account of the trial. */
    Receipt receipt(Duration timeout) throws IOException;

    /**
     * Where a QEMU source could send the stream itself ("tcp:HOST:PORT", "unix:PATH", QEMU's own URI
     * syntax); empty where this receiver wants more than a bare stream on one connection (a token's
     * proof first) or cannot take QEMU's.
     */
    default java.util.Optional<String> migrationUri() {
        return java.util.Optional.empty();
    }

    /** Closes the data connections. */
    @Override
    void close() throws IOException;
}
