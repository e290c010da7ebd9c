package workbench.harness.strategy;

import java.nio.channels.GatheringByteChannel;
import java.util.List;
import java.util.Set;
import workbench.harness.io.MultifdPackets;
import workbench.harness.io.MultifdSink;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.io.VectoredSink;

/**
 * QEMU 7.2's multifd ({@link MultifdPackets}, {@link MultifdSink}): the main stream carries the
 * sections and the zero pages, {@code --channels} connections beside it carry the nodup pages in
 * packets of up to 128 pages with their block and offsets, each connection written by its own thread,
 * each packet with one gathering write. QEMU's own wire format: a 7.2 destination with the
 * {@code multifd} capability and the same multifd-channels loads it (QemuInteropIT). The main
 * connection must be the first one accepted: 7.2 takes its first connection as the main stream.
 */
public record MultifdStrategy() implements WriteStrategy {
    @Override
    public String name() {
        return "multifd";
    }

    @Override
    public String description() {
        return "QEMU 7.2 multifd: sections and zero pages on the main stream, nodup pages in 512 KiB packets on --channels"
                + " connections, one thread and one gathering write per packet each";
    }

    @Override
    public Set<String> settings() {
        return Set.of("channels", "staging-buffer");
    }

    @Override
    public int connections(SinkOptions options) {
        return 1 + options.channels();
    }

    @Override
    public StreamSink open(List<? extends GatheringByteChannel> channels, SinkOptions options) {
        if (channels.size() != connections(options)) {
            throw new IllegalArgumentException("multifd with " + options.channels() + " channels needs " + connections(options)
                    + " connections (the main stream first), got " + channels.size());
        }
        // the main stream carries no pages: its sink only stages headers, zero records and sections
        StreamSink main = new VectoredSink(channels.get(0), 1, options.staging());
        return new MultifdSink(main, channels.subList(1, channels.size()));
    }
}
