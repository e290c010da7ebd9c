package workbench.harness.peer;

import java.nio.channels.GatheringByteChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import workbench.harness.io.NullChannel;
import workbench.reports.model.SeriesRole;

/** The null network: the sender writes into discarding channels. Nothing checks the stream. */
public final class NullPeer implements Peer {
    @Override
    public Reception prepare(TrialRequest request) {
        return new Reception() {
            private final List<NullChannel> channels = new ArrayList<>();

            @Override
            public List<GatheringByteChannel> connect(SenderSockets sockets) {
                for (int i = 0; i < request.connections(); i++) {
                    channels.add(new NullChannel());
                }
                return List.copyOf(channels);
            }

            @Override
            public void endOfStream() {
                // nothing reads the end
            }

            @Override
            public boolean awaitEnd(Duration timeout) {
                return true;
            }

            @Override
            public Receipt receipt(Duration timeout) {
                return Receipt.unchecked(channels.stream().mapToLong(NullChannel::bytes).sum());
            }

            @Override
            public void close() {
                channels.forEach(NullChannel::close);
            }
        };
    }

    @Override
    public SeriesRole role() {
        return SeriesRole.UNVERIFIED;
    }

    @Override
    public void close() {
        // nothing to end
    }
}
