package workbench.harness.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import workbench.harness.stream.StreamEncoder;
import workbench.workloads.dirty.DirtySet;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

class WriteStrategyTest {
    private static final RamSpec SPEC = new RamSpec(RamSpec.evenBlocks(16 << 20, 2, 4096), 4096, 0.034, 0.05, 1.0,
            Layout.SCATTERED, Content.RANDOM, 2010);
    private static final DirtySet DIRTY = RamImage.dirtySet(SPEC);
    private static final GuestRam RAM = RamImage.create(SPEC, DIRTY);

    private static byte[] stream(WriteStrategy strategy, SinkOptions options, DupPolicy policy, int maxPerCall) throws IOException {
        CollectingChannel ch = new CollectingChannel(maxPerCall);
        try (StreamSink sink = strategy.open(ch, options)) {
            new StreamEncoder(RAM, DIRTY, policy).encode(sink);
        }
        return ch.bytes();
    }

    @Test
    void scalarAndVectoredEmitByteIdenticalStreams() throws IOException {
        for (DupPolicy policy : DupPolicy.values()) {
            byte[] scalar = stream(WriteStrategy.SCALAR, SinkOptions.of(32 << 10, 128), policy, Integer.MAX_VALUE);
            byte[] vectored = stream(WriteStrategy.VECTORED, SinkOptions.of(32 << 10, 128), policy, Integer.MAX_VALUE);
            assertThat(vectored).as(policy.name()).isEqualTo(scalar);
            assertThat(scalar.length).isGreaterThan(16 << 20 - (16 << 20) / 5);
        }
    }

    @Test
    void identicalWhateverTheSizesAndShortWrites() throws IOException {
        byte[] reference = stream(WriteStrategy.SCALAR, SinkOptions.of(32 << 10, 128), DupPolicy.ZERO, Integer.MAX_VALUE);
        assertThat(stream(WriteStrategy.SCALAR, SinkOptions.of(100, 1), DupPolicy.ZERO, 777)).isEqualTo(reference);
        assertThat(stream(WriteStrategy.VECTORED, SinkOptions.of(4096, 1), DupPolicy.ZERO, 5000)).isEqualTo(reference);
        // more buffers than IOV_MAX in one gathering write: only 1024 go per call, the rest must follow
        assertThat(stream(WriteStrategy.VECTORED, new SinkOptions(4096, 2048, 1 << 20), DupPolicy.ZERO, Integer.MAX_VALUE))
                .isEqualTo(reference);
    }

    @Test
    void scalarWritesOncePerFullBuffer() throws IOException {
        CountingChannel counting = new CountingChannel(new NullChannel());
        long bytes;
        try (StreamSink sink = WriteStrategy.SCALAR.open(counting, SinkOptions.of(32 << 10, 128))) {
            new StreamEncoder(RAM, DIRTY, DupPolicy.ZERO).encode(sink);
            bytes = sink.bytesPut();
        }
        assertThat(counting.writevCalls()).isZero();
        assertThat(counting.writeCalls()).isEqualTo((bytes + (32 << 10) - 1) / (32 << 10));
        assertThat(counting.bytes()).isEqualTo(bytes);
    }

    @Test
    void vectoredWritesOncePerBatchOfPages() throws IOException {
        CountingChannel counting = new CountingChannel(new NullChannel());
        StreamEncoder.Sent sent;
        long copied;
        try (StreamSink sink = WriteStrategy.VECTORED.open(counting, SinkOptions.of(32 << 10, 128))) {
            sent = new StreamEncoder(RAM, DIRTY, DupPolicy.ZERO).encode(sink);
            copied = sink.bytesCopied();
        }
        long batches = (sent.nodupPages() + 127) / 128;
        assertThat(counting.writevCalls()).isBetween(batches, batches + 2);
        assertThat(counting.writeCalls()).isLessThanOrEqualTo(2);
        assertThat(counting.iovecs()).isGreaterThanOrEqualTo(2 * sent.nodupPages());
        // only headers, names and fill bytes are copied; pages go by reference
        assertThat(copied).isLessThan(sent.nodupPages() * 8 + sent.dupPages() * 9 + 4096);
    }
}
