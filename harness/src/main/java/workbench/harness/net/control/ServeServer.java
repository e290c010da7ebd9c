package workbench.harness.net.control;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code workbench serve}: the receiver. A control listener for frames and a data listener for
 * the bare migration stream (so a real QEMU could stand on the other end). One client at a time;
 * others get {@link Message.Busy}. Any bad or vanishing client ends its session with a one-line
 * log and the server goes on.
 */
public final class ServeServer implements AutoCloseable {
    static final Duration IDLE = Duration.ofMinutes(10);
    static final Duration DATA_ACCEPT = Duration.ofSeconds(60);

    private final ServerSocket control;
    private final ServerSocketChannel data;
    private final PrintStream log;
    private final String version;
    private final int dropPage;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final TrialReceiver receiver = new TrialReceiver();

    /**
     * @param dropPage fault injection for tests: re-poison this page (global index) after decoding, or -1
     */
    public ServeServer(InetSocketAddress controlAddress, PrintStream log, String version, int dropPage) throws IOException {
        this.control = new ServerSocket();
        control.setReuseAddress(true);
        control.bind(controlAddress);
        this.data = ServerSocketChannel.open();
        data.bind(new InetSocketAddress(controlAddress.getAddress(), 0));
        this.log = log;
        this.version = version;
        this.dropPage = dropPage;
    }

    public InetSocketAddress controlAddress() {
        return (InetSocketAddress) control.getLocalSocketAddress();
    }

    /** Serves clients until closed; with {@code once}, returns after the first session ends. */
    public void serve(boolean once) throws IOException {
        while (!control.isClosed()) {
            Socket client;
            try {
                client = control.accept();
            } catch (IOException e) {
                if (control.isClosed()) {
                    return;
                }
                throw e;
            }
            if (!busy.compareAndSet(false, true)) {
                refuseBusy(client);
                continue;
            }
            if (once) {
                session(client);
                return;
            }
            Thread worker = new Thread(() -> session(client), "serve-session");
            worker.start();
        }
    }

    private void session(Socket client) {
        try (ControlConnection conn = new ControlConnection(client)) {
            try {
                handshake(conn);
                while (true) {
                    Message m = conn.receive(IDLE);
                    if (m instanceof Message.TrialParams p) {
                        trial(conn, p);
                    } else if (m instanceof Message.Bye) {
                        return;
                    } else {
                        throw new ProtocolException("unexpected", "unexpected " + m.getClass().getSimpleName()
                                + " message between trials", "is the peer a workbench of the same protocol?");
                    }
                }
            } catch (ProtocolException e) {
                log.println("serve: " + conn.peer() + ": " + e.getMessage());
                trySend(conn, e.toMessage());
            } catch (EOFException e) {
                log.println("serve: " + conn.peer() + ": client closed the control connection");
            } catch (IOException | RuntimeException e) {
                log.println("serve: " + conn.peer() + ": " + e);
                trySend(conn, new Message.Error("receiver", String.valueOf(e.getMessage()), "see the receiver's log"));
            }
        } catch (IOException e) {
            log.println("serve: closing a session failed: " + e.getMessage());
        } finally {
            busy.set(false);
        }
    }

    private void handshake(ControlConnection conn) throws IOException {
        Message.Hello hello = conn.expect(Message.Hello.class, Duration.ofSeconds(30));
        if (hello.protocol() != Message.PROTOCOL) {
            throw new ProtocolException("version", "client speaks protocol " + hello.protocol() + " (workbench "
                    + hello.workbench() + "), this receiver speaks " + Message.PROTOCOL + " (workbench " + version + ")",
                    "run the same workbench version on both hosts");
        }
        conn.send(new Message.Welcome(Message.PROTOCOL, version));
    }

    private void trial(ControlConnection conn, Message.TrialParams params) throws IOException {
        receiver.prepare(params);
        InetSocketAddress at = (InetSocketAddress) data.getLocalAddress();
        conn.send(new Message.Ready(params.trial(), "tcp:" + at.getAddress().getHostAddress() + ":" + at.getPort()));
        try (SocketChannel stream = acceptData()) {
            Message.Result result = receiver.receive(params.trial(), stream, params.readBuffer(),
                    () -> conn.send(new Message.Done(params.trial())));
            if (dropPage >= 0 && result.ok()) {
                result = receiver.dropPageAndDigest(result, dropPage);
            }
            if (!result.ok()) {
                log.println("serve: trial " + params.trial() + " failed: " + result.failure());
            }
            conn.send(result);
        }
    }

    private SocketChannel acceptData() throws IOException {
        data.socket().setSoTimeout((int) DATA_ACCEPT.toMillis());
        try {
            return data.socket().accept().getChannel();
        } catch (SocketTimeoutException e) {
            throw new ProtocolException("no-data", "no data connection within " + DATA_ACCEPT.toSeconds() + " s",
                    "the sender could not connect to the data port");
        }
    }

    private void refuseBusy(Socket client) {
        try (ControlConnection conn = new ControlConnection(client)) {
            conn.send(new Message.Busy("the receiver is serving another client; try again later"));
        } catch (IOException e) {
            log.println("serve: refusing a busy client failed: " + e.getMessage());
        }
    }

    private static void trySend(ControlConnection conn, Message m) {
        try {
            conn.send(m);
        } catch (IOException ignored) {
            // the peer is gone: nothing more to tell it
        }
    }

    @Override
    public void close() throws IOException {
        control.close();
        data.close();
    }
}
