package workbench.harness.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import workbench.harness.io.CollectingChannel;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.io.WriteStrategy;
import workbench.workloads.dirty.DirtySet;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.GuestRam;

/** Our encoder into memory. */
final class Encoding {
    private Encoding() {
    }

    static byte[] encode(GuestRam ram, DirtySet dirty, DupPolicy policy, WriteStrategy strategy, SinkOptions options,
                         int maxPerCall) {
        CollectingChannel channel = new CollectingChannel(maxPerCall);
        try (StreamSink sink = strategy.open(channel, options)) {
            new StreamEncoder(ram, dirty, policy).encode(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return channel.bytes();
    }

    static byte[] encode(GuestRam ram, DirtySet dirty, DupPolicy policy) {
        return encode(ram, dirty, policy, WriteStrategy.SCALAR, SinkOptions.of(SinkOptions.QEMU_BUFFER, 128), Integer.MAX_VALUE);
    }
}
