package workbench.harness.strategy;

import java.nio.channels.GatheringByteChannel;
import java.util.List;
import java.util.Set;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;

/**
 * How the sender hands the stream to the kernel: QEMUFile's one decision, behind a name. A
 * strategy says which swept settings split its series, how many data connections it needs,
 * whether it sends from the guest's backing file, and opens a sink on the raw channels a trial
 * gives it (the real socket channels: a wrapper would defeat sendfile).
 */
public interface WriteStrategy {
    /** the name used on the command line and in results */
    String name();

    /** one line for --help and reports */
    String description();

    /** the settings (option names, e.g. "batch") this strategy reads: a sweep of any other does not split its series */
    Set<String> settings();

    /** data connections a trial opens for it: 1 for a single stream */
    default int connections(SinkOptions options) {
        return 1;
    }

    /** true when pages are sent from the guest's backing file, so the run needs file-backed RAM */
    default boolean needsFile() {
        return false;
    }

    /**
     * The workbench stream extensions its sink announces (the sink's {@link StreamSink#capabilities}):
     * empty for QEMU's own format; a stream with any is not QEMU-readable, and the manifest says so.
     */
    default List<String> capabilities() {
        return List.of();
    }

    /** A sink writing to {@code channels} (exactly {@link #connections} of them, the main stream first). */
    StreamSink open(List<? extends GatheringByteChannel> channels, SinkOptions options);
}
