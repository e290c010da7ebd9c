package workbench.harness.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import workbench.harness.metrics.PeakMemory;
import workbench.harness.metrics.ProcessCpu;
import workbench.harness.net.SocketFolders;
import workbench.harness.qemu.MemoryBackend;
import workbench.harness.qemu.Migration;
import workbench.harness.qemu.QemuProcess;
import workbench.reports.model.Cpu;
import workbench.reports.model.SeriesRole;
import workbench.workloads.ram.BlockSpec;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamSpec;

/**
 * A real QEMU 7.2 receives: for each trial, outside timing, a fresh {@code -M none} destination
 * (7.2 takes one incoming migration per process) whose RAM is a /dev/shm file we poisoned (0xEE)
 * and QEMU pre-faulted ({@code prealloc=on}, {@code share=on}); it listens on 127.0.0.1
 * ({@code -incoming defer}, capability {@code events}, {@code migrate-incoming}). The transfer ends
 * at its MIGRATION completed event; the file, unlinked as soon as QEMU holds it, must then have
 * exactly the sender's digest. A QEMU that fails to load the stream fails the trial with its words.
 */
public final class QemuPeer implements Peer {
    static final int PAGE_SIZE = 4096;
    private static final Path SHM = Path.of("/dev/shm");
    private static final byte POISON = (byte) 0xEE;
    private static final Duration FAILED_EXIT = Duration.ofSeconds(10);

    private final List<String> prefix;

    /** @param prefix the QEMU's launch prefix (--pin's taskset for the receiving side), empty for none */
    public QemuPeer(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    /** Empty when a QEMU 7.2 {@code -M none} destination can hold {@code ram} as our stream describes it; else why not. */
    public static Optional<String> refusal(RamSpec ram) {
        if (ram.blocks().size() != 1) {
            return Optional.of("QEMU's -M none machine has exactly one RAM block and the guest has " + ram.blocks().size()
                    + "; use --blocks 1");
        }
        if (ram.pageSize() != PAGE_SIZE) {
            return Optional.of("QEMU's x86-64 target pages are " + PAGE_SIZE + " bytes, the guest's " + ram.pageSize());
        }
        if (ram.dirty() < 1) {
            return Optional.of("--dirty below 1 sends only some pages onto a base image the destination already holds,"
                    + " and a QEMU destination starts from poisoned RAM (not done yet); use --dirty 1");
        }
        return MemoryBackend.refusal(ram.blocks().get(0).name());
    }

    @Override
    public Reception prepare(TrialRequest r) throws IOException {
        Optional<String> why = refusal(r.ram());
        if (why.isPresent()) {
            throw new IOException("a QEMU destination cannot take this guest: " + why.get());
        }
        if (r.connections() != 1) {
            throw new IOException("a QEMU destination takes one data connection here, the trial asks for " + r.connections());
        }
        BlockSpec block = r.ram().blocks().get(0);
        SocketFolders.sweepOnce();
        Path folder = SocketFolders.create();
        Path file = Files.createTempFile(SHM, "workbench-qemu-" + ProcessHandle.current().pid() + "-", "-" + block.name() + ".img");
        FileChannel ram = null;
        QemuProcess qemu = null;
        try {
            ram = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            poison(ram, block.length());
            Path qmp = folder.resolve("qmp.sock");
            qemu = QemuProcess.start(QemuProcess.command(prefix, List.of(new MemoryBackend(block.name(), block.length(), file)),
                    qmp, List.of("-incoming", "defer")), qmp);
            Migration.enable(qemu.qmp(), List.of("events"));
            InetSocketAddress at = Migration.listen(qemu.qmp(), "tcp:127.0.0.1:0");
            Files.delete(file); // QEMU has it mapped, we have it open: a killed run leaves nothing in /dev/shm
            return new QemuReception(block, ram, qemu, folder, at);
        } catch (IOException | RuntimeException e) {
            String said = qemu == null ? "" : qemu.output();
            if (qemu != null) {
                qemu.close();
            }
            if (ram != null) {
                ram.close();
            }
            Files.deleteIfExists(file);
            SocketFolders.delete(folder);
            if (said.isEmpty() || String.valueOf(e.getMessage()).contains(said)) {
                throw e;
            }
            throw new IOException(e.getMessage() + "; QEMU said: " + said, e);
        }
    }

    @Override
    public SeriesRole role() {
        return SeriesRole.STRATEGY;
    }

    @Override
    public void close() {
        // each trial's QEMU goes with its reception
    }

    /** 0xEE in every byte: allocates the file's pages now, and a page the stream never delivers fails the digest */
    private static void poison(FileChannel ch, long length) throws IOException {
        ByteBuffer fill = ByteBuffer.allocateDirect(1 << 20);
        while (fill.hasRemaining()) {
            fill.put(POISON);
        }
        for (long at = 0; at < length; ) {
            fill.clear().limit((int) Math.min(fill.capacity(), length - at));
            at += ch.write(fill, at);
        }
    }

    private static final class QemuReception implements Reception {
        private final BlockSpec block;
        private final FileChannel ram;
        private final QemuProcess qemu;
        private final Path folder;
        private final InetSocketAddress at;
        private final ProcessCpu cpu0;
        private SocketChannel channel;
        private Optional<String> status = Optional.empty();
        private String lost = "";

        QemuReception(BlockSpec block, FileChannel ram, QemuProcess qemu, Path folder, InetSocketAddress at) {
            this.block = block;
            this.ram = ram;
            this.qemu = qemu;
            this.folder = folder;
            this.at = at;
            this.cpu0 = ProcessCpu.of(qemu.pid());
        }

        @Override
        public List<GatheringByteChannel> connect(SenderSockets sockets) throws IOException {
            channel = SocketChannel.open(at);
            sockets.applyTo(channel);
            return List.of(channel);
        }

        @Override
        public void endOfStream() throws IOException {
            channel.shutdownOutput();
        }

        @Override
        public boolean awaitEnd(Duration timeout) throws IOException {
            if (status.isEmpty() && lost.isEmpty()) {
                try {
                    status = Migration.awaitEnd(qemu.qmp(), timeout);
                    if (status.isEmpty()) {
                        lost = "QEMU did not end the migration within " + timeout.toSeconds() + " s";
                    }
                } catch (IOException e) {
                    lost = e.getMessage(); // it exited: a failed incoming migration ends QEMU with status 1
                }
            }
            return status.filter(s -> s.equals("completed")).isPresent();
        }

        @Override
        public Receipt receipt(Duration timeout) throws IOException {
            if (status.isEmpty() && lost.isEmpty() && channel != null) {
                channel.close(); // the sender failed part-way: QEMU sees the stream end short and says what it lacked
            }
            boolean completed = awaitEnd(FAILED_EXIT);
            Cpu cpu = qemu.alive() ? cpu0.sinceThen() : Cpu.NONE;
            if (!completed) {
                String said = qemu.output();
                String why = status.map(s -> "QEMU's migration " + s).orElse(lost);
                return new Receipt(true, Optional.of(why + (said.isEmpty() ? "" : "; QEMU said: " + said)), List.of(),
                        Receipt.UNCOUNTED, cpu);
            }
            RamDigest.BlockDigest digest = RamDigest.ofFile(block.name(), ram, block.length());
            return new Receipt(true, Optional.empty(), List.of(digest), Receipt.UNCOUNTED, cpu, 0, PeakMemory.ofProcess(qemu.pid()));
        }

        @Override
        public void close() throws IOException {
            try {
                if (channel != null) {
                    channel.close();
                }
            } finally {
                qemu.close();
                ram.close();
                SocketFolders.delete(folder);
            }
        }
    }
}
