package workbench.harness.qemu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A QMP client on QEMU's Unix socket: the greeting and capabilities handshake, then one command at
 * a time. A reader thread takes every line as it comes, so an event (MIGRATION completed) is seen
 * the moment QEMU sends it, not at the next poll; replies and events go to separate queues.
 */
public final class Qmp implements AutoCloseable {
    /** what the reader leaves in both queues when QEMU closes the socket (it exited, or quit) */
    private static final QmpMessage CLOSED = new QmpMessage.Event("", QmpMessage.JSON.nullNode());

    private final SocketChannel channel;
    private final BlockingQueue<QmpMessage> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<QmpMessage> events = new LinkedBlockingQueue<>();
    private final String version;
    private volatile String readFailure = "";

    private Qmp(SocketChannel channel) throws IOException {
        this.channel = channel;
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        String first = in.readLine();
        if (first == null || !(QmpMessage.parse(first) instanceof QmpMessage.Greeting g)) {
            throw new IOException("QEMU's QMP socket did not greet: " + first);
        }
        this.version = g.version();
        Thread reader = new Thread(() -> read(in), "qmp-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Connects once QEMU has made its socket (waiting while {@code alive}, at most {@code timeout}),
     * and leaves capabilities negotiation mode.
     */
    public static Qmp connect(Path socket, Duration timeout, BooleanSupplier alive) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<SocketChannel> connected;
        while ((connected = tryConnect(socket)).isEmpty()) { // the file appears a moment before QEMU listens on it
            if (!alive.getAsBoolean()) {
                throw new IOException("QEMU exited before opening its QMP socket");
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("QEMU did not open its QMP socket " + socket + " within " + timeout.toSeconds() + " s");
            }
            sleep(10);
        }
        SocketChannel ch = connected.get();
        try {
            Qmp qmp = new Qmp(ch);
            qmp.execute("qmp_capabilities");
            return qmp;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** a connection to {@code socket}, or empty while nobody listens there (a failed connect closes its channel) */
    private static Optional<SocketChannel> tryConnect(Path socket) throws IOException {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return Optional.of(ch);
        } catch (java.net.ConnectException e) {
            ch.close();
            return Optional.empty();
        }
    }

    /** QEMU's version from the greeting ("7.2.22") */
    public String version() {
        return version;
    }

    public JsonNode execute(String command) throws IOException {
        return execute(command, Map.of());
    }

    /** Runs {@code command} with {@code arguments} (JSON-able values) and returns its reply's value, or throws its error. */
    public synchronized JsonNode execute(String command, Map<String, ?> arguments) throws IOException {
        ObjectNode request = QmpMessage.JSON.createObjectNode().put("execute", command);
        if (!arguments.isEmpty()) {
            request.set("arguments", QmpMessage.JSON.valueToTree(arguments));
        }
        try {
            ByteBuffer line = ByteBuffer.wrap((QmpMessage.JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line); // straight on the channel: a stream from Channels would wait for the reader's lock
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("QMP arguments of " + command + " are not JSON: " + arguments, e);
        }
        QmpMessage reply = take(replies, Duration.ofSeconds(30), command);
        if (reply instanceof QmpMessage.Error e) {
            throw new QmpException(command, e);
        }
        return ((QmpMessage.Return) reply).value();
    }

    /**
     * The next event that {@code wanted} accepts (others are dropped), or empty after {@code timeout}.
     * Throws once QEMU has closed the socket.
     */
    public Optional<QmpMessage.Event> awaitEvent(Predicate<QmpMessage.Event> wanted, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            QmpMessage m;
            try {
                m = left <= 0 ? events.poll() : events.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for a QMP event", e);
            }
            if (m == null) {
                return Optional.empty();
            }
            if (m == CLOSED) {
                events.add(CLOSED); // later waits see it too
                throw closed();
            }
            QmpMessage.Event e = (QmpMessage.Event) m;
            if (wanted.test(e)) {
                return Optional.of(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void read(BufferedReader in) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                QmpMessage m = QmpMessage.parse(line);
                (m instanceof QmpMessage.Event ? events : replies).add(m);
            }
        } catch (IOException e) {
            readFailure = ": " + e.getMessage();
        } finally {
            replies.add(CLOSED);
            events.add(CLOSED);
        }
    }

    private QmpMessage take(BlockingQueue<QmpMessage> queue, Duration timeout, String command) throws IOException {
        try {
            QmpMessage m = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new IOException("QEMU did not answer " + command + " within " + timeout.toSeconds() + " s");
            }
            if (m == CLOSED) {
                queue.add(CLOSED);
                throw closed();
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for QEMU's answer to " + command, e);
        }
    }

    private IOException closed() {
        return new IOException("QEMU closed its QMP socket" + readFailure);
    }

    static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for QEMU", e);
        }
    }
}
