package workbench.harness.peer;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * The sender's socket knobs (nio-facts.md traps 3 and 8), applied to TCP data connections.
 *
 * @param noDelay TCP_NODELAY (Nagle off)
 * @param sndbuf  SO_SNDBUF in bytes; 0 leaves kernel autotuning on
 */
public record SenderSockets(boolean noDelay, int sndbuf) {
    public static final SenderSockets KERNEL = new SenderSockets(false, 0);

    public SenderSockets {
        if (sndbuf < 0) {
            throw new IllegalArgumentException("--sndbuf must be auto or positive, got " + sndbuf);
        }
    }

    /** Sets these knobs on a TCP data connection (a set SO_SNDBUF turns the kernel's autotuning off). */
    public void applyTo(SocketChannel ch) throws IOException {
        if (noDelay) {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        if (sndbuf > 0) {
            ch.setOption(StandardSocketOptions.SO_SNDBUF, sndbuf);
        }
    }
}
