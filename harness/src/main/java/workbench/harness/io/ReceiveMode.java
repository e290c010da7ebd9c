package workbench.harness.io;

import java.nio.channels.ReadableByteChannel;
import java.util.Locale;

/** How the receiver reads a stream into RAM. */
public enum ReceiveMode {
    /** QEMU's destination: reads of the read buffer, then a copy of every page into RAM ({@link BufferedSource}) */
    BUFFERED,
    /** page payloads read straight into RAM by scattering reads of predicted records ({@link ScatterSource}) */
    SCATTER;

    /** the most bytes one scattering read takes: the current page, 256 predicted records and the next record's header */
    public static final long SCATTER_BYTES = 4096 + 256L * (4096 + 8) + 8;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReceiveMode parse(String s) {
        for (ReceiveMode m : values()) {
            if (m.label().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown receive mode '" + s + "' (buffered or scatter)");
    }

    /** A source of this mode over {@code in}. */
    public StreamSource open(ReadableByteChannel in, int readBuffer) {
        return this == BUFFERED ? new BufferedSource(in, readBuffer) : new ScatterSource(in, readBuffer, SCATTER_BYTES);
    }
}
