package workbench.harness.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A receiver's data listener for one trial, TCP or Unix-domain: opened when the trial is prepared,
 * closed once it has accepted the trial's connections, so a connection meant for another trial —
 * a stranger's, a stale queued one, one beyond the expected count — never reaches its decoder.
 */
public final class DataListener implements AutoCloseable {
    private final ServerSocketChannel server;
    private final DataEndpoint endpoint;
    private final Optional<Path> socketDir;

    private DataListener(ServerSocketChannel server, DataEndpoint endpoint, Optional<Path> socketDir) {
        this.server = server;
        this.endpoint = endpoint;
        this.socketDir = socketDir;
    }

    /** A listener of {@code transport}: TCP on {@code host} (any free port), or a Unix socket in a private folder. */
    public static DataListener open(Transport transport, InetAddress host) throws IOException {
        return switch (transport) {
            case TCP -> tcp(host);
            case UNIX -> unix();
        };
    }

    /** A TCP listener on {@code address}, any free port. */
    public static DataListener tcp(InetAddress address) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open();
        s.bind(new InetSocketAddress(address, 0));
        return new DataListener(s, new DataEndpoint.Tcp((InetSocketAddress) s.getLocalAddress()), Optional.empty());
    }

    /** A Unix-domain listener on a socket file in a private temporary folder. */
    public static DataListener unix() throws IOException {
        Path dir = Files.createTempDirectory("workbench-");
        Path path = dir.resolve("data.sock");
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(path));
        return new DataListener(s, new DataEndpoint.Unix(path), Optional.of(dir));
    }

    public DataEndpoint endpoint() {
        return endpoint;
    }

    /** The next connection, or empty if none came within {@code timeout}. Returned channels block. */
    public Optional<SocketChannel> accept(Duration timeout) throws IOException {
        try (Selector selector = Selector.open()) {
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                SocketChannel ch = server.accept();
                if (ch != null) {
                    ch.configureBlocking(true);
                    return Optional.of(ch);
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (socketDir.isPresent()) {
            Files.deleteIfExists(socketDir.get().resolve("data.sock"));
            Files.deleteIfExists(socketDir.get());
        }
    }
}
