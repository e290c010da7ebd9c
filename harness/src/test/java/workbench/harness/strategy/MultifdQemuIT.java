package workbench.harness.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workbench.harness.io.PageTable;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.qemu.MemoryBackend;
import workbench.harness.qemu.Migration;
import workbench.harness.qemu.QemuProcess;
import workbench.harness.stream.StreamEncoder;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBacking;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/**
 * Our multifd speaks QEMU 7.2's own wire format: a 7.2 destination started with the multifd
 * capability and the same multifd-channels (-M none, RAM a /dev/shm file poisoned with 0xEE) loads
 * our stream — main connection first, as 7.2 takes its first connection for the main stream — and
 * its RAM then equals ours, every page: the zero pages from the main stream, the rest from the
 * channels' packets.
 */
class MultifdQemuIT {
    private static final long RAM = 16 << 20;
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {2, 1, 4})
    void qemuLoadsOurMultifdStreamIntoExactlyOurRam(int channels) throws Exception {
        String why = QemuProcess.BINARY + " is missing (apt-get install qemu-system-x86)";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(QemuProcess.installed()).as(why).isTrue();
        }
        Assumptions.assumeTrue(QemuProcess.installed(), why);
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(RAM, 1, 4096), 4096, 0.3, 0.1, 1, Layout.SCATTERED, Content.RANDOM, 13);
        DirtyLog dirty = RamImage.dirtyLog(spec);
        Path file = Files.createTempFile(Path.of("/dev/shm"), "wb-multifd-it-", ".img");
        try (GuestRam sender = RamImage.create(spec, dirty, RamBacking.DIRECT);
             FileChannel ram = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            poison(ram);
            String name = sender.blocks().get(0).name();
            Path qmp = tmp.resolve("qmp.sock");
            try (QemuProcess qemu = QemuProcess.start(QemuProcess.command(List.of(), List.of(new MemoryBackend(name, RAM, file)),
                    qmp, List.of("-incoming", "defer")), qmp)) {
                Migration.enable(qemu.qmp(), List.of("events", "multifd"));
                Migration.set(qemu.qmp(), Map.of("multifd-channels", channels));
                var at = Migration.listen(qemu.qmp(), "tcp:127.0.0.1:0");
                List<SocketChannel> sockets = new ArrayList<>();
                try {
                    for (int i = 0; i <= channels; i++) {
                        sockets.add(SocketChannel.open(at)); // the main stream first: 7.2 takes its first connection for it
                    }
                    SinkOptions options = new SinkOptions(32 << 10, 128, 32 << 10, channels);
                    List<GatheringByteChannel> out = List.copyOf(sockets);
                    try (StreamSink sink = new MultifdStrategy().open(out, options)) {
                        new StreamEncoder(new PageTable(sender), dirty, DupPolicy.ZERO).encode(sink);
                        assertThat(sink.channelCounts()).hasSize(channels)
                                .allSatisfy(c -> assertThat(c.packets()).as("channel %d's packets", c.channel()).isPositive());
                    }
                    for (SocketChannel s : sockets) {
                        s.shutdownOutput();
                    }
                    Optional<String> status = Migration.awaitEnd(qemu.qmp(), Duration.ofSeconds(60));
                    assertThat(status).as(qemu.output()).contains("completed");
                } finally {
                    for (SocketChannel s : sockets) {
                        s.close();
                    }
                }
                assertThat(RamDigest.ofFile(name, ram, RAM)).as("QEMU's RAM after loading our %d-channel stream", channels)
                        .isEqualTo(RamDigest.of(sender).blocks().get(0));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void poison(FileChannel ch) throws java.io.IOException {
        ByteBuffer fill = ByteBuffer.allocate(1 << 20);
        while (fill.hasRemaining()) {
            fill.put((byte) 0xEE);
        }
        for (long at = 0; at < RAM; ) {
            fill.clear();
            at += ch.write(fill, at);
        }
    }
}
