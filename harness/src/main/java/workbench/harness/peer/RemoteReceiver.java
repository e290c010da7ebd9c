package workbench.harness.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import workbench.harness.net.control.ControlConnection;
import workbench.harness.net.control.Message;
import workbench.harness.net.control.ProtocolCode;
import workbench.harness.net.control.ProtocolException;
import workbench.harness.net.control.TokenProof;

/** The sender's end of a control connection to {@code workbench serve}. */
public final class RemoteReceiver implements AutoCloseable {
    /** preparing RAM (allocate, pre-fault, poison) may take a while for big guests */
    static final Duration PREPARE = Duration.ofMinutes(5);

    private final ControlConnection conn;

    private RemoteReceiver(ControlConnection conn) {
        this.conn = conn;
    }

    /** Connects and shakes hands: our protocol and version against the receiver's. */
    public static RemoteReceiver connect(InetSocketAddress control, String version) throws IOException {
        return connect(control, Optional.empty(), Optional.empty(), version);
    }

    /**
     * @param bind  local address to connect from (a NIC of this host), if chosen
     * @param token the receiver's token, if it has one
     */
    public static RemoteReceiver connect(InetSocketAddress control, Optional<java.net.InetAddress> bind,
                                         Optional<String> token, String version) throws IOException {
        Socket socket = new Socket();
        if (bind.isPresent()) {
            socket.bind(new InetSocketAddress(bind.get(), 0));
        }
        socket.connect(control, 10_000);
        ControlConnection conn = new ControlConnection(socket);
        try {
            conn.send(new Message.Hello(Message.PROTOCOL, version));
            Message reply = conn.receive(Duration.ofSeconds(30));
            if (reply instanceof Message.Busy busy) {
                throw new ProtocolException(ProtocolCode.BUSY, "receiver at " + control + " is busy: " + busy.message(), "try again later");
            }
            if (reply instanceof Message.Challenge challenge) {
                if (token.isEmpty()) {
                    throw new ProtocolException(ProtocolCode.AUTH, "receiver at " + control + " requires a token", "give run --token");
                }
                conn.send(new Message.Proof(TokenProof.prove(token.get(), challenge.nonce())));
                reply = conn.receive(Duration.ofSeconds(30));
            }
            if (!(reply instanceof Message.Welcome)) {
                throw new ProtocolException(ProtocolCode.UNEXPECTED, "expected welcome, got " + reply.getClass().getSimpleName(),
                        "is the peer a workbench of the same protocol?");
            }
            return new RemoteReceiver(conn);
        } catch (IOException e) {
            conn.close();
            throw e;
        }
    }

    /** Asks the receiver to prepare for a trial; returns its data endpoint. */
    public Message.Ready prepare(Message.TrialParams params) throws IOException {
        conn.send(params);
        Message.Ready ready = conn.expect(Message.Ready.class, PREPARE);
        if (ready.trial() != params.trial()) {
            throw new ProtocolException(ProtocolCode.UNEXPECTED, "ready for trial " + ready.trial() + " while preparing " + params.trial(),
                    "is the peer a workbench of the same protocol?");
        }
        return ready;
    }

    /** The receiver's next message of a trial: {@link Message.Done} or, if the stream failed, the {@link Message.Result}. */
    public Message awaitDoneOrResult(Duration timeout) throws IOException {
        return conn.receive(timeout);
    }

    public Message.Result awaitResult(Duration timeout) throws IOException {
        return conn.expect(Message.Result.class, timeout);
    }

    @Override
    public void close() throws IOException {
        try {
            conn.send(new Message.Bye());
        } catch (IOException ignored) {
            // the receiver is gone already
        }
        conn.close();
    }
}
