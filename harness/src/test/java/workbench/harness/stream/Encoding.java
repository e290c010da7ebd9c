package workbench.harness.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import workbench.harness.io.CollectingChannel;
import workbench.harness.io.PageTable;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.strategy.Strategies;
import workbench.harness.strategy.WriteStrategy;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.GuestRam;

/** Our encoder into memory. */
final class Encoding {
    private Encoding() {
    }

    static byte[] encode(GuestRam ram, DirtyLog dirty, DupPolicy policy, WriteStrategy strategy, SinkOptions options,
                         int maxPerCall) {
        CollectingChannel channel = new CollectingChannel(maxPerCall);
        try (StreamSink sink = strategy.open(List.of(channel), options)) {
            new StreamEncoder(new PageTable(ram), dirty, policy).encode(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return channel.bytes();
    }

    static byte[] encode(GuestRam ram, DirtyLog dirty, DupPolicy policy) {
        return encode(ram, dirty, policy, Strategies.byName("scalar"), SinkOptions.of(SinkOptions.QEMU_BUFFER, 128), Integer.MAX_VALUE);
    }
}
