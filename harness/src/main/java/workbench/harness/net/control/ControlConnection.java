package workbench.harness.net.control;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A control connection: frames in, frames out. Each {@link #receive} has a deadline for the whole
 * frame, not per read: a peer feeding a frame one byte at a time runs out of it all the same.
 */
public final class ControlConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final FrameCodec codec = new FrameCodec();
    private long deadline;

    public ControlConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true); // frames are small and answered at once
        this.in = new BufferedInputStream(new Bounded(socket.getInputStream()));
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    public void send(Message message) throws IOException {
        codec.write(out, message);
    }

    /** The next message within {@code timeout}; an in-band {@link Message.Error} becomes a {@link ProtocolException}. */
    public Message receive(Duration timeout) throws IOException {
        deadline = System.nanoTime() + timeout.toNanos();
        try {
            Message m = codec.read(in);
            if (m instanceof Message.Error e) {
                throw new ProtocolException(e.code(), e.message(), e.hint());
            }
            return m;
        } catch (SocketTimeoutException e) {
            throw new ProtocolException(ProtocolCode.TIMEOUT, "no control message within " + timeout.toSeconds() + " s",
                    "the peer is stuck or gone; try a smaller --ram or check the receiver's log");
        }
    }

    /** The next message, which must be of type {@code type}. */
    public <T extends Message> T expect(Class<T> type, Duration timeout) throws IOException {
        Message m = receive(timeout);
        if (!type.isInstance(m)) {
            throw new ProtocolException(ProtocolCode.UNEXPECTED, "expected a " + type.getSimpleName() + " message, got "
                    + m.getClass().getSimpleName(), "is the peer a workbench of the same protocol?");
        }
        return type.cast(m);
    }

    /** the address the peer connects from: data connections of its trials must come from the same */
    public java.net.InetAddress peerAddress() {
        return socket.getInetAddress();
    }

    public String peer() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The socket's input, each read allowed only what is left of the current frame's deadline. */
    private final class Bounded extends java.io.FilterInputStream {
        Bounded(InputStream in) {
            super(in);
        }

        private void bound() throws IOException {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        }

        @Override
        public int read() throws IOException {
            bound();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            bound();
            return super.read(b, off, len);
        }
    }
}
