package workbench.harness.strategy;

import java.nio.channels.GatheringByteChannel;
import java.util.List;
import java.util.Set;
import workbench.harness.io.PageRuns;
import workbench.harness.io.SendfileSink;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;

/**
 * sendfile with the workbench's page-run extension ({@link PageRuns}): one record announces N
 * consecutive nodup pages of a block and one sendfile carries all N. The stream announces the
 * capability {@value PageRuns#CAPABILITY}; QEMU refuses it at its first section, our decoder reads
 * it, and a trial is verified by the RAM digest like any other. Byte identity with the QEMU
 * strategies does not apply: the framing is different by design.
 */
public record SendfileRunsStrategy() implements WriteStrategy {
    @Override
    public String name() {
        return "sendfile-runs";
    }

    @Override
    public String description() {
        return "sendfile of whole runs of consecutive nodup pages, one run record each (stream extension "
                + PageRuns.CAPABILITY + ": not readable by QEMU)";
    }

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
        return List.of(PageRuns.CAPABILITY);
    }

    @Override
    public StreamSink open(List<? extends GatheringByteChannel> channels, SinkOptions options) {
        return new SendfileSink(channels.get(0), SendfileSink.Framing.RUNS, options.staging());
    }
}
