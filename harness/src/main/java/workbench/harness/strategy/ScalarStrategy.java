package workbench.harness.strategy;

import java.nio.channels.GatheringByteChannel;
import java.util.List;
import java.util.Set;
import workbench.harness.io.ScalarSink;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;

/** The 2010 QEMUFile: copy every item into one linear buffer, one plain write per full buffer. */
public record ScalarStrategy() implements WriteStrategy {
    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public String description() {
        return "every item, pages included, copied into one linear buffer (--scalar-buffer), one write per full buffer";
    }

    @Override
    public Set<String> settings() {
        return Set.of("scalar-buffer");
    }

    @Override
    public StreamSink open(List<? extends GatheringByteChannel> channels, SinkOptions options) {
        return new ScalarSink(channels.get(0), options.scalarBuffer());
    }
}
