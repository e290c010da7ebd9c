package workbench.harness.strategy;

import java.nio.channels.GatheringByteChannel;
import java.util.List;
import java.util.Set;
import workbench.harness.io.PageRuns;
import workbench.harness.io.SendfileSink;
import workbench.harness.io.SendfileSink.Framing;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;

/**
 * Zero-copy from the guest's file: nodup pages go with {@code FileChannel.transferTo} from their
 * /dev/shm file onto the socket (the kernel's sendfile — seen with {@code strace -f -e
 * trace=sendfile} on TCP loopback and on Unix sockets), headers with plain writes. Needs the whole
 * run's guests on /dev/shm ({@code --backing shm}). Two framings, the sink's:
 *
 * <ul>
 *   <li>{@link #PAGES} ({@code sendfile}): QEMU's stream, byte-identical to {@code vectored}'s;
 *       since every page has its own header, a nodup page costs two system calls.</li>
 *   <li>{@link #RUNS} ({@code sendfile-runs}): the workbench's page-run extension ({@link PageRuns}):
 *       one record announces N consecutive nodup pages of a block and one sendfile carries all N.
 *       The stream announces the capability {@value PageRuns#CAPABILITY}; QEMU refuses it at its
 *       first section, our decoder reads it, and a trial is verified by the RAM digest like any
 *       other. Byte identity with the QEMU strategies does not apply: the framing differs by design.</li>
 * </ul>
 */
public record SendfileStrategy(String name, String description, Framing framing) implements WriteStrategy {
    public static final SendfileStrategy PAGES = new SendfileStrategy("sendfile",
            "each nodup page sent from the guest's /dev/shm file with sendfile (transferTo), headers with plain writes:"
                    + " two system calls per page", Framing.PAGES);
    public static final SendfileStrategy RUNS = new SendfileStrategy("sendfile-runs",
            "sendfile of whole runs of consecutive nodup pages, one run record each (stream extension "
                    + PageRuns.CAPABILITY + ": not readable by QEMU)", Framing.RUNS);

    @Override
    public Set<String> settings() {
        return Set.of("staging-buffer");
    }

    @Override
    public boolean needsFile() {
        return true;
    }

    @Override
    public List<String> capabilities() {
        return framing == Framing.RUNS ? List.of(PageRuns.CAPABILITY) : List.of();
    }

    @Override
    public StreamSink open(List<? extends GatheringByteChannel> channels, SinkOptions options) {
        return new SendfileSink(channels.get(0), framing, options.staging());
    }
}
