package workbench.harness.trial;

import workbench.harness.peer.SenderSockets;

/**
 * The socket knobs that move results on a network (nio-facts.md traps 3 and 8).
 *
 * @param noDelay TCP_NODELAY on the sender's data sockets (Nagle off)
 * @param sndbuf  SO_SNDBUF of the sender's data sockets in bytes; 0 leaves kernel autotuning on
 * @param rcvbuf  SO_RCVBUF of the receiver's data sockets in bytes; 0 leaves kernel autotuning on
 */
public record SocketOptions(boolean noDelay, int sndbuf, int rcvbuf) {
    public static final SocketOptions KERNEL = new SocketOptions(false, 0, 0);

    public SocketOptions {
        if (sndbuf < 0 || rcvbuf < 0) {
            throw new IllegalArgumentException("socket buffers must be 0 (autotuning) or positive");
        }
    }

    public SenderSockets sender() {
        return new SenderSockets(noDelay, sndbuf);
    }
}
