package workbench.harness.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import workbench.harness.io.MultifdPackets;
import workbench.harness.net.DataListener;
import workbench.harness.net.control.DataProof;
import workbench.harness.net.control.ProtocolCode;
import workbench.harness.net.control.ProtocolException;
import workbench.harness.stream.StreamFormat;

/**
 * The data connections of one trial, each identified by its own first bytes before anything is
 * decoded: a proof of the session's token when it has one, then the QEVM magic of a main stream,
 * or a multifd channel's initial packet (magic, version, no UUID, an id of this trial's channels). A connection from another address
 * than the session's, or opening with anything else, is logged, closed and never decoded.
 */
final class DataConnections {
    private final DataListener listener;
    private final InetAddress session;
    private final Optional<String> token;
    private final String nonce;
    private final PrintStream log;
    private SocketChannel accepted;

    DataConnections(DataListener listener, InetAddress session, Optional<String> token, String nonce, PrintStream log) {
        this.listener = listener;
        this.session = session;
        this.token = token;
        this.nonce = nonce;
        this.log = log;
    }

    /** The trial's main stream, its magic still to be read; refused connections do not count. */
    ReadableByteChannel mainStream(Duration within) throws IOException {
        return accept(1, within).main();
    }

    /**
     * The trial's connections: the main stream (its magic still to be read) and, when there are more,
     * multifd channels identified by their initial packets (already read), in channel-id order. They
     * may arrive in any order; refused connections do not count.
     */
    Accepted accept(int connections, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        ReadableByteChannel main = null;
        SocketChannel[] channels = new SocketChannel[connections - 1];
        int missing = connections;
        while (missing > 0) {
            long left = deadline - System.nanoTime();
            Optional<SocketChannel> next = left > 0 ? listener.accept(Duration.ofNanos(left)) : Optional.empty();
            if (next.isEmpty()) {
                closeAll(channels);
                throw new ProtocolException(ProtocolCode.NO_DATA, (main == null ? "no data connection" : (missing
                        + " of the trial's " + connections + " data connections did not come")) + " within " + within.toSeconds()
                        + " s", "the sender could not reach " + listener.endpoint().text());
            }
            SocketChannel ch = next.get();
            Identity who = identify(ch, deadline, channels.length);
            String refusal = who.refusal();
            if (refusal.isEmpty() && who.channel() < 0 && main != null) {
                refusal = "it is a second main stream for this trial";
            } else if (refusal.isEmpty() && who.channel() >= 0 && channels[who.channel()] != null) {
                refusal = "it is multifd channel " + who.channel() + " again";
            }
            if (!refusal.isEmpty()) {
                log.println("serve: refused a data connection from " + from(ch) + ": " + refusal);
                ch.close();
                continue;
            }
            if (who.channel() < 0) {
                accepted = ch;
                main = new PrefixedChannel(ByteBuffer.allocate(Integer.BYTES).putInt(StreamFormat.MAGIC).flip(), ch);
            } else {
                channels[who.channel()] = ch;
            }
            missing--;
        }
        return new Accepted(main, List.of(channels));
    }

    /** What {@link #accept} found: the main stream and the multifd channels by id (none for a single stream). */
    record Accepted(ReadableByteChannel main, List<SocketChannel> channels) {
    }

    /** the accepted main TCP socket, for socket options (empty for Unix sockets) */
    Optional<SocketChannel> socket() throws IOException {
        return accepted != null && accepted.getRemoteAddress() instanceof InetSocketAddress ? Optional.of(accepted) : Optional.empty();
    }

    /** a connection is the main stream (channel -1) or a multifd channel, unless refused (refusal not empty) */
    private record Identity(int channel, String refusal) {
        static Identity refused(String why) {
            return new Identity(-1, why);
        }
    }

    private Identity identify(SocketChannel ch, long deadline, int channels) throws IOException {
        if (ch.getRemoteAddress() instanceof InetSocketAddress remote && !remote.getAddress().equals(session)) {
            return Identity.refused("it is not from " + session.getHostAddress() + ", where the session is");
        }
        if (!nonce.isEmpty()) {
            ByteBuffer proof = read(ch, DataProof.LENGTH, deadline);
            if (proof.remaining() < DataProof.LENGTH || !DataProof.verify(token.orElseThrow(), nonce, proof)) {
                return Identity.refused("it did not open with this trial's proof of the session's token");
            }
        }
        ByteBuffer magic = read(ch, Integer.BYTES, deadline);
        if (magic.remaining() < Integer.BYTES) {
            return Identity.refused("it closed before sending a stream");
        }
        int first = magic.getInt(0);
        if (first == StreamFormat.MAGIC) {
            return new Identity(-1, "");
        }
        if (first == MultifdPackets.MAGIC) {
            if (channels == 0) {
                return Identity.refused("it is a multifd channel, and this trial expects a single stream");
            }
            ByteBuffer rest = read(ch, MultifdPackets.INIT_BYTES - Integer.BYTES, deadline);
            ByteBuffer init = ByteBuffer.allocate(MultifdPackets.INIT_BYTES).put(magic).put(rest).flip();
            Optional<String> why = MultifdPackets.initRefusal(init, channels);
            return why.map(Identity::refused).orElseGet(() -> new Identity(MultifdPackets.initId(init), ""));
        }
        return Identity.refused("it opened with 0x" + HexFormat.of().toHexDigits(first) + ", not a migration stream's QEVM"
                + (channels > 0 ? " or a multifd channel's 0x11223344" : ""));
    }

    private static void closeAll(SocketChannel[] channels) throws IOException {
        for (SocketChannel c : channels) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** Up to {@code n} bytes, whatever arrives before the deadline or the end; the channel blocks again after. */
    private static ByteBuffer read(SocketChannel ch, int n, long deadline) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        ch.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            ch.register(selector, SelectionKey.OP_READ);
            while (b.hasRemaining()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                selector.select(left);
                if (ch.read(b) < 0) {
                    break;
                }
                selector.selectedKeys().clear();
            }
        } finally {
            ch.configureBlocking(true);
        }
        return b.flip();
    }

    private static String from(SocketChannel ch) {
        try {
            return String.valueOf(ch.getRemoteAddress());
        } catch (IOException e) {
            return "an unknown peer";
        }
    }
}
