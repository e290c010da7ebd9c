package workbench.harness.peer;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import workbench.harness.net.DataEndpoint;
import workbench.harness.net.Transport;
import workbench.harness.net.control.DataProof;
import workbench.harness.net.control.Message;
import workbench.harness.net.control.ProtocolCode;
import workbench.harness.net.control.ProtocolException;
import workbench.reports.model.SeriesRole;

/**
 * A {@code workbench serve} receiving over its control protocol: a child of this run (loopback,
 * unix, inside an emulated link) or one on another host. Each trial gets a listener of its own.
 */
public final class ServePeer implements Peer {
    private final RemoteReceiver control;
    private final Transport transport;
    private final Optional<InetAddress> bind;
    private final Optional<String> token;
    private final List<AutoCloseable> owned;

    /**
     * @param bind  local address for data connections (a NIC of this host), if chosen
     * @param token the session's token, if proven: data connections then open with a {@link DataProof}
     * @param owned what goes with the session (the receiver child), closed after it
     */
    public ServePeer(RemoteReceiver control, Transport transport, Optional<InetAddress> bind, Optional<String> token,
                     List<AutoCloseable> owned) {
        this.control = control;
        this.transport = transport;
        this.bind = bind;
        this.token = token;
        this.owned = List.copyOf(owned);
    }

    @Override
    public Reception prepare(TrialRequest r) throws IOException {
        Message.Ready ready = control.prepare(new Message.TrialParams(r.trial(), r.ram(), r.dupPolicy(), r.readBuffer(),
                transport, r.rcvbuf(), r.connections(), r.receive(), r.checkpoints()));
        return new ServeReception(r, DataEndpoint.parse(ready.endpoint()), ready.proofNonce());
    }

    @Override
    public SeriesRole role() {
        return SeriesRole.STRATEGY;
    }

    @Override
    public void close() throws IOException {
        try {
            control.close();
        } finally {
            for (AutoCloseable c : owned) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing is best effort: a child already gone needs nothing more
                }
            }
        }
    }

    private final class ServeReception implements Reception {
        private final TrialRequest request;
        private final DataEndpoint endpoint;
        private final String nonce;
        private final List<SocketChannel> channels = new ArrayList<>();
        private Message first;

        ServeReception(TrialRequest request, DataEndpoint endpoint, String nonce) {
            this.request = request;
            this.endpoint = endpoint;
            this.nonce = nonce;
        }

        @Override
        public List<GatheringByteChannel> connect(SenderSockets sockets) throws IOException {
            for (int i = 0; i < request.connections(); i++) {
                SocketChannel ch = endpoint.connect(bind);
                channels.add(ch);
                if (transport == Transport.TCP) {
                    sockets.applyTo(ch);
                }
                if (!nonce.isEmpty()) {
                    writeFully(ch, DataProof.of(token.orElseThrow(() -> new IOException(
                            "the receiver asks for a data proof, but this session has no token")), nonce));
                }
            }
            return List.copyOf(channels);
        }

        /**
         * a bare stream: what a QEMU source sends, where no token's proof must come first; with multifd
         * its channels connect to the same address, told apart from the main stream by their first bytes
         */
        @Override
        public Optional<String> migrationUri() {
            return nonce.isEmpty() ? Optional.of(endpoint.text()) : Optional.empty();
        }

        @Override
        public void endOfStream() throws IOException {
            for (SocketChannel ch : channels) {
                ch.shutdownOutput();
            }
        }

        @Override
        public boolean awaitEnd(Duration timeout) throws IOException {
            first = control.awaitDoneOrResult(timeout);
            return first instanceof Message.Done;
        }

        @Override
        public void awaitAck(int part, Duration timeout) throws IOException {
            Message m = control.awaitDoneOrResult(timeout);
            if (m instanceof Message.Ack a && a.part() == part && a.trial() == request.trial()) {
                return;
            }
            failedOr(m, "an ack of section " + part);
        }

        @Override
        public Message.CheckpointDigest checkpointDigest(int part, Duration timeout) throws IOException {
            Message m = control.awaitDoneOrResult(timeout);
            if (m instanceof Message.CheckpointDigest d && d.part() == part && d.trial() == request.trial()) {
                return d;
            }
            failedOr(m, "the digest after section " + part);
            throw new IllegalStateException("failedOr always throws");
        }

        /** a Result instead is the receiver's failure (kept for the receipt); anything else breaks the protocol */
        private void failedOr(Message m, String expected) throws IOException {
            if (m instanceof Message.Result r) {
                first = r;
                throw new IOException("the receiver stopped before " + expected + ": " + (r.ok() ? "the stream ended" : r.failure()));
            }
            throw new ProtocolException(ProtocolCode.UNEXPECTED, "expected " + expected + " of trial " + request.trial()
                    + ", got " + m, "is the peer a workbench of the same protocol?");
        }

        @Override
        public Receipt receipt(Duration timeout) throws IOException {
            Message.Result r = first instanceof Message.Result result ? result : control.awaitResult(timeout);
            return new Receipt(true, r.ok() ? Optional.empty() : Optional.of(r.failure()), r.digest(), r.streamBytes(), r.cpu(),
                    r.mispredictions(), r.peakRss() > 0 ? OptionalLong.of(r.peakRss()) : OptionalLong.empty());
        }

        @Override
        public void close() throws IOException {
            for (SocketChannel ch : channels) {
                ch.close();
            }
        }
    }

    private static void writeFully(SocketChannel ch, java.nio.ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
