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

    /**
     * A Unix-domain listener on a socket file in a private temporary folder, {@code workbench-<pid>-*}.
     * The file exists only while the trial waits for its connection: the listener is closed (file and
     * folder deleted) once it is in. A process that exits meanwhile — a signal, or a receiver child
     * whose parent died — deletes it in a shutdown hook; one killed outright cannot, so the next
     * process to open a Unix listener sweeps the folders of processes that are gone.
     */
    public static DataListener unix() throws IOException {
        SocketFolders.sweepOnce();
        Path dir = SocketFolders.create();
        Path path = dir.resolve(SocketFolders.SOCKET);
        try {
            ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                s.bind(UnixDomainSocketAddress.of(path));
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
            return new DataListener(s, new DataEndpoint.Unix(path), Optional.of(dir));
        } catch (IOException | RuntimeException e) {
            SocketFolders.delete(dir);
            throw e;
        }
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
            SocketFolders.delete(socketDir.get());
        }
    }
}
