package workbench.harness.net.control;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import workbench.harness.net.DataListener;

/**
 * {@code workbench serve}: the receiver. A control listener for frames and data listeners for
 * the bare migration stream (so a real QEMU could stand on the other end). One client at a time;
 * others get {@link Message.Busy}. Any bad or vanishing client ends its session with a one-line
 * log and the server goes on.
 */
public final class ServeServer implements AutoCloseable {
    static final Duration IDLE = Duration.ofMinutes(10);
    static final Duration HANDSHAKE = Duration.ofSeconds(30);
    static final Duration DATA_ACCEPT = Duration.ofSeconds(60);

    private final ServerSocket control;
    private final DataListener tcp;
    private DataListener unix;
    private final ServeOptions options;
    private final PrintStream log;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final TrialReceiver receiver = new TrialReceiver();

    public ServeServer(ServeOptions options, PrintStream log) throws IOException {
        this.options = options;
        this.log = log;
        this.control = new ServerSocket();
        control.setReuseAddress(true);
        control.bind(options.control());
        this.tcp = DataListener.tcp(options.control().getAddress());
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
                session(client, false);
                return;
            }
            Thread worker = new Thread(() -> session(client, true), "serve-session");
            worker.start();
        }
    }

    /** @param logSessions a long-running service logs each session; a run's child stays quiet */
    private void session(Socket client, boolean logSessions) {
        try (ControlConnection conn = new ControlConnection(client)) {
            try {
                handshake(conn);
                if (logSessions) {
                    log.println("serve: " + conn.peer() + ": session started");
                }
                while (true) {
                    Message m = conn.receive(IDLE);
                    if (m instanceof Message.TrialParams p) {
                        trial(conn, p);
                    } else if (m instanceof Message.Bye) {
                        if (logSessions) {
                            log.println("serve: " + conn.peer() + ": session ended");
                        }
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
        Message.Hello hello = conn.expect(Message.Hello.class, HANDSHAKE);
        if (hello.protocol() != Message.PROTOCOL) {
            throw new ProtocolException("version", "client speaks protocol " + hello.protocol() + " (workbench "
                    + hello.workbench() + "), this receiver speaks " + Message.PROTOCOL + " (workbench " + options.version() + ")",
                    "run the same workbench version on both hosts");
        }
        if (options.token().isPresent()) {
            String nonce = TokenProof.nonce();
            conn.send(new Message.Challenge(nonce));
            Message.Proof proof = conn.expect(Message.Proof.class, HANDSHAKE);
            if (!TokenProof.verify(options.token().get(), nonce, proof.hmac())) {
                throw new ProtocolException("auth", "the client did not prove the receiver's token",
                        "give run the same --token as serve");
            }
        }
        conn.send(new Message.Welcome(Message.PROTOCOL, options.version()));
    }

    private void trial(ControlConnection conn, Message.TrialParams params) throws IOException {
        if (params.ram().size() > options.maxRam()) {
            throw new ProtocolException("ram-too-large", "a guest of " + (params.ram().size() >> 20) + " MiB exceeds this receiver's --max-ram of "
                    + (options.maxRam() >> 20) + " MiB", "use a smaller --ram or start serve with a larger --max-ram");
        }
        DataListener listener = listener(params.transport());
        receiver.prepare(params);
        conn.send(new Message.Ready(params.trial(), listener.endpoint().text()));
        SocketChannel stream = listener.accept(DATA_ACCEPT).orElseThrow(() -> new ProtocolException("no-data",
                "no data connection within " + DATA_ACCEPT.toSeconds() + " s", "the sender could not reach " + listener.endpoint().text()));
        try (stream) {
            if (params.rcvbuf() > 0 && params.transport().equals("tcp")) {
                // set on the accepted socket, not the shared listener, so a trial without it keeps autotuning;
                // the window scale was agreed at accept, so a buffer far above the default is only partly used
                stream.setOption(java.net.StandardSocketOptions.SO_RCVBUF, params.rcvbuf());
            }
            Message.Result result = receiver.receive(params.trial(), stream, params.readBuffer(),
                    () -> conn.send(new Message.Done(params.trial())));
            if (options.dropPage() >= 0 && result.ok()) {
                result = receiver.dropPageAndDigest(result, options.dropPage());
            }
            if (!result.ok()) {
                log.println("serve: trial " + params.trial() + " failed: " + result.failure());
            }
            conn.send(result);
        }
    }

    private DataListener listener(String transport) throws IOException {
        return switch (transport) {
            case "tcp" -> tcp;
            case "unix" -> {
                if (unix == null) {
                    unix = DataListener.unix();
                }
                yield unix;
            }
            default -> throw new ProtocolException("transport", "unknown data transport '" + transport + "'",
                    "this receiver offers tcp and unix");
        };
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
        tcp.close();
        if (unix != null) {
            unix.close();
        }
    }
}
