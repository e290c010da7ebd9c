package workbench.harness.peer;

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
}
