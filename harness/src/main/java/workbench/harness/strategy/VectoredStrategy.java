package workbench.harness.strategy;

import java.nio.channels.GatheringByteChannel;
import java.util.List;
import java.util.Set;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.io.VectoredSink;

/** put_vector, as modern QEMU does it: pages referenced in place, one gathering write per batch. */
public record VectoredStrategy() implements WriteStrategy {
    @Override
    public String name() {
        return "vectored";
    }

    @Override
    public String description() {
        return "headers staged, pages referenced in place, one gathering write per --batch pages";
    }

    @Override
    public Set<String> settings() {
        return Set.of("batch", "staging-buffer");
    }

    @Override
    public StreamSink open(List<? extends GatheringByteChannel> channels, SinkOptions options) {
        return new VectoredSink(channels.get(0), options.batch(), options.staging());
    }
}
