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
import java.util.Optional;
import workbench.harness.net.DataListener;
import workbench.harness.net.control.DataProof;
import workbench.harness.net.control.ProtocolCode;
import workbench.harness.net.control.ProtocolException;
import workbench.harness.stream.StreamFormat;

/**
 * The data connections of one trial, each identified by its own first bytes before anything is
 * decoded: a proof of the session's token when it has one, then the QEVM magic of a main stream
 * (QEMU's multifd channels would open with their own magic). A connection from another address
 * than the session's, or opening with anything else, is logged, closed and never decoded.
 */
final class DataConnections {
    /** QEMU's multifd channel magic (MULTIFD_MAGIC), recognised to refuse it by name */
    static final int MULTIFD_MAGIC = 0x11223344;

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
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Optional<SocketChannel> next = left > 0 ? listener.accept(Duration.ofNanos(left)) : Optional.empty();
            if (next.isEmpty()) {
                throw new ProtocolException(ProtocolCode.NO_DATA, "no data connection within " + within.toSeconds() + " s",
                        "the sender could not reach " + listener.endpoint().text());
            }
            SocketChannel ch = next.get();
            Optional<String> refusal = identify(ch, deadline);
            if (refusal.isEmpty()) {
                accepted = ch;
                return new PrefixedChannel(ByteBuffer.allocate(Integer.BYTES).putInt(StreamFormat.MAGIC).flip(), ch);
            }
            log.println("serve: refused a data connection from " + from(ch) + ": " + refusal.get());
            ch.close();
        }
    }

    /** the accepted TCP socket, for socket options (empty for Unix sockets) */
    Optional<SocketChannel> socket() throws IOException {
        return accepted != null && accepted.getRemoteAddress() instanceof InetSocketAddress ? Optional.of(accepted) : Optional.empty();
    }

    private Optional<String> identify(SocketChannel ch, long deadline) throws IOException {
        if (ch.getRemoteAddress() instanceof InetSocketAddress remote && !remote.getAddress().equals(session)) {
            return Optional.of("it is not from " + session.getHostAddress() + ", where the session is");
        }
        if (!nonce.isEmpty()) {
            ByteBuffer proof = read(ch, DataProof.LENGTH, deadline);
            if (proof.remaining() < DataProof.LENGTH || !DataProof.verify(token.orElseThrow(), nonce, proof)) {
                return Optional.of("it did not open with this trial's proof of the session's token");
            }
        }
        ByteBuffer magic = read(ch, Integer.BYTES, deadline);
        if (magic.remaining() < Integer.BYTES) {
            return Optional.of("it closed before sending a stream");
        }
        int first = magic.getInt(0);
        if (first == StreamFormat.MAGIC) {
            return Optional.empty();
        }
        if (first == MULTIFD_MAGIC) {
            return Optional.of("it is a multifd channel, and this trial expects a single stream");
        }
        return Optional.of("it opened with 0x" + HexFormat.of().toHexDigits(first) + ", not a migration stream's QEVM");
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
