package workbench.harness.serve;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import workbench.harness.io.ReceiveMode;
import workbench.harness.io.SinkOptions;
import workbench.harness.net.DataListener;
import workbench.harness.net.Deadline;
import workbench.harness.net.control.ControlConnection;
import workbench.harness.net.control.CheckpointPlan;
import workbench.harness.net.control.Message;
import workbench.harness.net.control.ProtocolCode;
import workbench.harness.net.control.ProtocolException;
import workbench.harness.net.control.TokenProof;

/**
 * {@code workbench serve}: the receiver. A control listener for frames and, per trial, a data
 * listener of its own for the bare migration stream (so a real QEMU could stand on the other end),
 * closed once the trial's connection is in. One client at a time;
 * others get {@link Message.Busy}. Any bad or vanishing client ends its session with a one-line
 * log and the server goes on.
 */
public final class ServeServer implements AutoCloseable {

    private final ServerSocket control;
    private final ServeOptions options;
    private final PrintStream log;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final TrialReceiver receiver = new TrialReceiver();
    private final ScheduledExecutorService timer = Deadline.timer("serve-deadline");

    public ServeServer(ServeOptions options, PrintStream log) throws IOException {
        this.options = options;
        this.log = log;
        this.control = new ServerSocket();
        control.setReuseAddress(true);
        control.bind(options.control());
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
                    Message m = conn.receive(options.deadlines().idle());
                    if (m instanceof Message.TrialParams p) {
                        trial(conn, p);
                    } else if (m instanceof Message.Bye) {
                        if (logSessions) {
                            log.println("serve: " + conn.peer() + ": session ended");
                        }
                        return;
                    } else {
                        throw new ProtocolException(ProtocolCode.UNEXPECTED, "unexpected " + m.getClass().getSimpleName()
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
                trySend(conn, new Message.Error(ProtocolCode.RECEIVER, String.valueOf(e.getMessage()), "see the receiver's log"));
            }
        } catch (IOException e) {
            log.println("serve: closing a session failed: " + e.getMessage());
        } finally {
            busy.set(false);
        }
    }

    private void handshake(ControlConnection conn) throws IOException {
        Message.Hello hello = conn.expect(Message.Hello.class, options.deadlines().handshake());
        if (hello.protocol() != Message.PROTOCOL) {
            throw new ProtocolException(ProtocolCode.VERSION, "client speaks protocol " + hello.protocol() + " (workbench "
                    + hello.workbench() + "), this receiver speaks " + Message.PROTOCOL + " (workbench " + options.version() + ")",
                    "run the same workbench version on both hosts");
        }
        if (options.token().isPresent()) {
            String nonce = TokenProof.nonce();
            conn.send(new Message.Challenge(nonce));
            Message.Proof proof = conn.expect(Message.Proof.class, options.deadlines().handshake());
            if (!TokenProof.verify(options.token().get(), nonce, proof.hmac())) {
                throw new ProtocolException(ProtocolCode.AUTH, "the client did not prove the receiver's token",
                        "give run the same --token as serve");
            }
        }
        conn.send(new Message.Welcome(Message.PROTOCOL, options.version()));
    }

    private void trial(ControlConnection conn, Message.TrialParams params) throws IOException {
        check(params);
        prepare(params);
        try (DataListener listener = DataListener.open(params.transport(), options.control().getAddress())) {
            String nonce = options.token().isPresent() ? TokenProof.nonce() : "";
            conn.send(new Message.Ready(params.trial(), listener.endpoint().text(), nonce));
            DataConnections connections = new DataConnections(listener, conn.peerAddress(), options.token(), nonce, log);
            DataConnections.Accepted accepted = connections.accept(params.connections(), options.deadlines().dataAccept());
            try (ReadableByteChannel stream = accepted.main(); Closer all = new Closer(stream, accepted.channels())) {
                listener.close(); // one trial, its connections: anything later is refused by the kernel
                if (params.rcvbuf() > 0) {
                    // set on the accepted sockets; the window scale was agreed at accept, so a buffer far
                    // above the default is only partly used
                    for (var socket : all.tcpSockets(connections.socket())) {
                        socket.setOption(java.net.StandardSocketOptions.SO_RCVBUF, params.rcvbuf());
                    }
                }
                Duration deadline = options.deadlines().stream(params.ram().size())
                        .plus(params.checkpointPlan().map(CheckpointPlan::extraTime).orElse(Duration.ZERO));
                Message.Result result;
                try (Deadline watch = Deadline.closing(timer, all, deadline)) {
                    result = receiver.receive(params.trial(), stream, accepted.channels(), params.readBuffer(), params.receive(),
                            () -> conn.send(new Message.Done(params.trial())), params.checkpointPlan(), conn::send);
                    if (watch.expired()) {
                        result = TrialReceiver.failed(params.trial(), "the stream did not end within its deadline of "
                                + deadline.toSeconds() + " s (" + result.failure() + ")", result.streamBytes());
                    }
                }
                if (!result.ok()) {
                    log.println("serve: trial " + params.trial() + " failed: " + result.failure());
                }
                conn.send(result);
            }
        }
    }

    /** RAM allocated, pre-faulted and poisoned; running out of memory is the client's error frame, not the end of the service. */
    private void prepare(Message.TrialParams params) throws ProtocolException {
        try {
            receiver.prepare(params);
        } catch (OutOfMemoryError | IllegalStateException | java.io.UncheckedIOException e) {
            receiver.release();
            throw new ProtocolException(ProtocolCode.RECEIVER, "cannot allocate a guest of " + (params.ram().size() >> 20)
                    + " MiB: " + e.getMessage(), "use a smaller --ram, or give serve more memory or a smaller --max-ram");
        }
    }

    /** Every size a trial asks for is checked before anything is allocated. */
    private void check(Message.TrialParams params) throws ProtocolException {
        if (params.ram().size() > options.maxRam()) {
            throw new ProtocolException(ProtocolCode.RAM_TOO_LARGE, "a guest of " + (params.ram().size() >> 20)
                    + " MiB exceeds this receiver's --max-ram of " + (options.maxRam() >> 20) + " MiB",
                    "use a smaller --ram or start serve with a larger --max-ram");
        }
        if (params.readBuffer() < TrialReceiver.MIN_READ_BUFFER || params.readBuffer() > TrialReceiver.MAX_READ_BUFFER) {
            throw new ProtocolException(ProtocolCode.BAD_PARAMETER, "read buffer of " + params.readBuffer()
                    + " bytes is outside " + TrialReceiver.MIN_READ_BUFFER + ".." + TrialReceiver.MAX_READ_BUFFER,
                    "use a --read-buffer from 4K to 64M");
        }
        if (params.connections() < 1 || params.connections() > 1 + SinkOptions.MAX_CHANNELS) {
            throw new ProtocolException(ProtocolCode.BAD_PARAMETER, "a trial of " + params.connections()
                    + " data connections: this receiver reads a main stream and at most " + SinkOptions.MAX_CHANNELS
                    + " multifd channels", "use --channels 1 to " + SinkOptions.MAX_CHANNELS);
        }
        if (params.connections() > 1 && params.receive() == ReceiveMode.SCATTER) {
            throw new ProtocolException(ProtocolCode.BAD_PARAMETER, "--receive scatter with multifd: the main stream carries no"
                    + " pages to scatter, and its restores could clobber pages a channel wrote", "use --receive buffered for multifd");
        }
    }

    /** The trial's data connections, closed together (by the trial's end, or by its deadline mid-read). */
    private static final class Closer implements java.io.Closeable {
        private final ReadableByteChannel main;
        private final java.util.List<java.nio.channels.SocketChannel> channels;

        Closer(ReadableByteChannel main, java.util.List<java.nio.channels.SocketChannel> channels) {
            this.main = main;
            this.channels = channels;
        }

        /** the TCP sockets among them: the main one if TCP, and the channels if TCP */
        java.util.List<java.nio.channels.SocketChannel> tcpSockets(java.util.Optional<java.nio.channels.SocketChannel> mainSocket)
                throws IOException {
            java.util.List<java.nio.channels.SocketChannel> out = new java.util.ArrayList<>();
            mainSocket.ifPresent(out::add);
            for (var c : channels) {
                if (c.getRemoteAddress() instanceof InetSocketAddress) {
                    out.add(c);
                }
            }
            return out;
        }

        @Override
        public void close() throws IOException {
            try {
                main.close();
            } finally {
                for (var c : channels) {
                    c.close();
                }
            }
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
        timer.shutdownNow();
    }
}
