package workbench.harness.peer;

import java.io.IOException;
import java.nio.channels.GatheringByteChannel;
import java.time.Duration;
import java.util.List;
import workbench.harness.net.control.Message;
import workbench.reports.model.SeriesRole;

/**
 * Test decorator base: a real receiver whose main stream passes through a channel the subclass
 * puts in front of it (a slow link, a damaged byte); acks, digests and the receipt are the
 * receiver's own.
 */
abstract class MainStreamPeer implements Peer {
    private final Peer inner;

    MainStreamPeer(Peer inner) {
        this.inner = inner;
    }

    /** the channel the sender writes this trial's main stream into, in front of the receiver's {@code main} */
    protected abstract GatheringByteChannel wrap(GatheringByteChannel main, TrialRequest request);

    @Override
    public final Reception prepare(TrialRequest request) throws IOException {
        Reception r = inner.prepare(request);
        return new Reception() {
            @Override
            public List<GatheringByteChannel> connect(SenderSockets sockets) throws IOException {
                return List.of(wrap(r.connect(sockets).get(0), request));
            }

            @Override
            public void endOfStream() throws IOException {
                r.endOfStream();
            }

            @Override
            public boolean awaitEnd(Duration timeout) throws IOException {
                return r.awaitEnd(timeout);
            }

            @Override
            public void awaitAck(int part, Duration timeout) throws IOException {
                r.awaitAck(part, timeout);
            }

            @Override
            public Message.CheckpointDigest checkpointDigest(int part, Duration timeout) throws IOException {
                return r.checkpointDigest(part, timeout);
            }

            @Override
            public Receipt receipt(Duration timeout) throws IOException {
                return r.receipt(timeout);
            }

            @Override
            public void close() throws IOException {
                r.close();
            }
        };
    }

    @Override
    public final SeriesRole role() {
        return inner.role();
    }

    @Override
    public final void close() throws IOException {
        inner.close();
    }
}
