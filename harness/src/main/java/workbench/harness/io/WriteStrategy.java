package workbench.harness.io;

import java.nio.channels.GatheringByteChannel;

/** How the sender hands the stream to the kernel. Every strategy emits the same bytes. */
public enum WriteStrategy {
    /** the 2010 QEMUFile: copy every item into one linear buffer, one plain write per full buffer */
    SCALAR,
    /** put_vector, as modern QEMU does it: pages referenced in place, one gathering write per batch */
    VECTORED;

    public StreamSink open(GatheringByteChannel channel, SinkOptions options) {
        return switch (this) {
            case SCALAR -> new ScalarSink(channel, options.scalarBuffer());
            case VECTORED -> new VectoredSink(channel, options.batch(), options.staging());
        };
    }

    /** the name used on the command line and in results */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static WriteStrategy parse(String s) {
        for (WriteStrategy w : values()) {
            if (w.label().equals(s.trim().toLowerCase(java.util.Locale.ROOT))) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown write strategy '" + s + "' (known: scalar, vectored)");
    }
}
