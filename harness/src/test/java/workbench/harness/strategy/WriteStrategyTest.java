package workbench.harness.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.harness.io.CollectingChannel;
import workbench.harness.io.PageTable;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.stream.StreamEncoder;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

class WriteStrategyTest {
    private static final RamSpec SPEC = new RamSpec(RamSpec.evenBlocks(16 << 20, 2, 4096), 4096, 0.034, 0.05, 1.0,
            Layout.SCATTERED, Content.RANDOM, 2010);
    private static final DirtyLog DIRTY = RamImage.dirtyLog(SPEC);
    private static final GuestRam RAM = RamImage.create(SPEC, DIRTY);
    private static final PageTable PAGES = new PageTable(RAM);
    private static final WriteStrategy SCALAR = Strategies.byName("scalar");
    private static final WriteStrategy VECTORED = Strategies.byName("vectored");

    private record Sent(byte[] bytes, StreamEncoder.Sent pages, StreamSink sink, CollectingChannel channel) {
    }

    private static Sent send(WriteStrategy strategy, SinkOptions options, DupPolicy policy, int maxPerCall) throws IOException {
        CollectingChannel ch = new CollectingChannel(maxPerCall);
        StreamSink sink = strategy.open(List.of(ch), options);
        StreamEncoder.Sent pages = new StreamEncoder(PAGES, DIRTY, policy).encode(sink);
        sink.close();
        return new Sent(ch.bytes(), pages, sink, ch);
    }

    @Test
    void scalarAndVectoredEmitByteIdenticalStreams() throws IOException {
        for (DupPolicy policy : DupPolicy.values()) {
            byte[] scalar = send(SCALAR, SinkOptions.of(32 << 10, 128), policy, Integer.MAX_VALUE).bytes();
            byte[] vectored = send(VECTORED, SinkOptions.of(32 << 10, 128), policy, Integer.MAX_VALUE).bytes();
            assertThat(vectored).as(policy.name()).isEqualTo(scalar);
            assertThat(scalar.length).isGreaterThan(16 << 20 - (16 << 20) / 5);
        }
    }

    @Test
    void identicalWhateverTheSizesAndShortWrites() throws IOException {
        byte[] reference = send(SCALAR, SinkOptions.of(32 << 10, 128), DupPolicy.ZERO, Integer.MAX_VALUE).bytes();
        assertThat(send(SCALAR, SinkOptions.of(100, 1), DupPolicy.ZERO, 777).bytes()).isEqualTo(reference);
        assertThat(send(VECTORED, SinkOptions.of(4096, 1), DupPolicy.ZERO, 5000).bytes()).isEqualTo(reference);
        // more buffers than IOV_MAX in one gathering write: only 1024 go per call, the rest must follow
        assertThat(send(VECTORED, new SinkOptions(4096, 2048, 1 << 20), DupPolicy.ZERO, Integer.MAX_VALUE).bytes())
                .isEqualTo(reference);
    }

    @Test
    void scalarWritesOncePerFullBufferAndCountsItsOwnCalls() throws IOException {
        Sent s = send(SCALAR, SinkOptions.of(32 << 10, 128), DupPolicy.ZERO, Integer.MAX_VALUE);
        long bytes = s.sink().bytesPut();
        assertThat(s.bytes()).hasSize((int) bytes);
        assertThat(s.sink().calls().writevs()).isZero();
        assertThat(s.sink().calls().writes()).isEqualTo((bytes + (32 << 10) - 1) / (32 << 10));
        assertThat(s.sink().calls().writes()).isEqualTo(s.channel().writes()); // the sink counts what the channel saw
    }

    @Test
    void vectoredWritesOncePerBatchOfPagesAndCountsItsOwnCalls() throws IOException {
        Sent s = send(VECTORED, SinkOptions.of(32 << 10, 128), DupPolicy.ZERO, Integer.MAX_VALUE);
        long batches = (s.pages().nodupPages() + 127) / 128;
        assertThat(s.sink().calls().writevs()).isBetween(batches, batches + 2).isEqualTo(s.channel().writevs());
        assertThat(s.sink().calls().writes()).isLessThanOrEqualTo(2).isEqualTo(s.channel().writes());
        assertThat(s.sink().calls().iovecs()).isGreaterThanOrEqualTo(2 * s.pages().nodupPages());
        // only headers, names and fill bytes are copied; pages go by reference
        assertThat(s.sink().bytesCopied()).isLessThan(s.pages().nodupPages() * 8 + s.pages().dupPages() * 9 + 4096);
    }

    /** the calls and bytes of one flushed PART section of {@code pages} dirty pages, after the stream's start */
    private record Section(long writes, long writevs, long iovecs, byte[] bytes) {
    }

    private static Section section(WriteStrategy strategy, int pages) throws IOException {
        CollectingChannel ch = new CollectingChannel();
        StreamSink sink = strategy.open(List.of(ch), SinkOptions.of(32 << 10, 128));
        StreamEncoder encoder = new StreamEncoder(PAGES, DIRTY, DupPolicy.ZERO);
        encoder.start(sink);
        sink.flush();
        int before = ch.bytes().length;
        long writes = sink.calls().writes();
        long writevs = sink.calls().writevs();
        long iovecs = sink.calls().iovecs();
        DirtyLog dirty = DirtyLog.none(java.util.stream.IntStream.range(0, DIRTY.blocks()).mapToObj(DIRTY::pages).toList());
        for (int p = 0; p < pages; p++) {
            dirty.mark(1, 3 * p); // 1 in 30 pages of this RAM is a dup page: one of these may be a fill record
        }
        encoder.pass(sink, dirty, StreamEncoder.Read.KEEP);
        sink.flush();
        byte[] all = ch.bytes();
        assertThat(sink.calls().writes()).isEqualTo(ch.writes()); // the sink counts what the channel saw
        assertThat(sink.calls().writevs()).isEqualTo(ch.writevs());
        return new Section(sink.calls().writes() - writes, sink.calls().writevs() - writevs, sink.calls().iovecs() - iovecs,
                java.util.Arrays.copyOfRange(all, before, all.length));
    }

    @Test
    void aCheckpointSectionGoesOutInOneSystemCallWhateverTheStrategy() throws IOException {
        // a checkpoint's latency runs to the section's last byte: one call per section, nothing split off at its end
        Section emptyScalar = section(SCALAR, 0);
        Section emptyVectored = section(VECTORED, 0);
        assertThat(emptyScalar).extracting(Section::writes, Section::writevs).containsExactly(1L, 0L);
        assertThat(emptyVectored).extracting(Section::writes, Section::writevs).containsExactly(1L, 0L);
        assertThat(emptyVectored.bytes()).hasSize(18).isEqualTo(emptyScalar.bytes());

        Section fewScalar = section(SCALAR, 5); // 5 pages fit scalar's 32 KiB buffer
        Section fewVectored = section(VECTORED, 5); // and vectored's batch of 128
        assertThat(fewScalar).extracting(Section::writes, Section::writevs).containsExactly(1L, 0L);
        assertThat(fewVectored).extracting(Section::writes, Section::writevs).containsExactly(0L, 1L);
        assertThat(fewVectored.iovecs()).isBetween(2L * 4 + 1, 2L * 5 + 1); // headers, pages by reference, the end
        assertThat(fewVectored.bytes()).isEqualTo(fewScalar.bytes());
    }

    @Test
    void theRegistryNamesEveryStrategyAndItsSettings() {
        assertThat(Strategies.all()).extracting(WriteStrategy::name).containsExactly("scalar", "vectored", "sendfile", "sendfile-runs",
                "multifd");
        assertThat(Strategies.byName(" Vectored ")).isEqualTo(VECTORED);
        assertThat(Strategies.settings()).containsExactlyInAnyOrder("scalar-buffer", "batch", "staging-buffer", "channels");
        assertThatThrownBy(() -> Strategies.byName("multifd2")).hasMessageContaining("known: scalar, vectored, sendfile, sendfile-runs, multifd");
        assertThat(Strategies.all()).filteredOn(s -> s.connections(SinkOptions.of(32 << 10, 128)) > 1).extracting(WriteStrategy::name)
                .containsExactly("multifd");
        assertThat(Strategies.all()).filteredOn(WriteStrategy::needsFile).extracting(WriteStrategy::name)
                .containsExactly("sendfile", "sendfile-runs");
        // only sendfile-runs leaves QEMU's format, and its sink announces what the strategy declares
        assertThat(Strategies.all()).filteredOn(s -> !s.capabilities().isEmpty()).extracting(WriteStrategy::name)
                .containsExactly("sendfile-runs");
        for (WriteStrategy s : Strategies.all()) {
            SinkOptions options = SinkOptions.of(32 << 10, 128);
            List<CollectingChannel> channels = java.util.stream.Stream.generate(CollectingChannel::new).limit(s.connections(options)).toList();
            try (var sink = s.open(channels, options)) {
                assertThat(sink.capabilities()).as(s.name()).isEqualTo(s.capabilities());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
