package workbench.harness.peer;

import java.io.IOException;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbench.harness.metrics.PeakMemory;
import workbench.harness.metrics.ProcessCpu;
import workbench.harness.net.DataEndpoint;
import workbench.harness.net.SocketFolders;
import workbench.harness.net.Transport;
import workbench.harness.qemu.IncomingQemu;
import workbench.harness.qemu.MemoryBackend;
import workbench.reports.model.Cpu;
import workbench.reports.model.SeriesRole;
import workbench.workloads.ram.BlockSpec;
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
    private static final Duration FAILED_EXIT = Duration.ofSeconds(10);

    private final List<String> prefix;
    private final Transport transport;
    private final String host;

    /** a destination on 127.0.0.1 */
    public QemuPeer(List<String> prefix) {
        this(prefix, Transport.TCP, "127.0.0.1");
    }

    /**
     * @param prefix    the QEMU's launch prefix (--pin's taskset for the receiving side; ip netns exec of a link's
     *                  receiver namespace), empty for none
     * @param transport TCP, or a Unix socket ({@code -incoming unix:PATH})
     * @param host      the address a TCP destination listens on, as the sender reaches it
     */
    public QemuPeer(List<String> prefix, Transport transport, String host) {
        this.prefix = List.copyOf(prefix);
        this.transport = transport;
        this.host = host;
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
        BlockSpec block = r.ram().blocks().get(0);
        SocketFolders.sweepOnce();
        Path folder = SocketFolders.create();
        // more than one connection is QEMU's multifd: the main stream first, then the channels
        List<String> caps = r.connections() > 1 ? List.of("multifd") : List.of();
        Map<String, Object> params = r.connections() > 1 ? Map.of("multifd-channels", r.connections() - 1) : Map.of();
        String listen = transport == Transport.UNIX ? "unix:" + folder.resolve("data.sock") : "tcp:" + host + ":0";
        try {
            IncomingQemu qemu = IncomingQemu.start(prefix, block, folder.resolve("qmp.sock"), listen, caps, params);
            return new QemuReception(qemu, folder, r.connections(), transport);
        } catch (IOException | RuntimeException e) {
            SocketFolders.delete(folder);
            throw e;
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

    private static final class QemuReception implements Reception {
        private final IncomingQemu qemu;
        private final Path folder;
        private final ProcessCpu cpu0;
        private final int connections;
        private final Transport transport;
        private final List<SocketChannel> channels = new ArrayList<>();
        private Optional<String> status = Optional.empty();
        private String lost = "";

        QemuReception(IncomingQemu qemu, Path folder, int connections, Transport transport) {
            this.qemu = qemu;
            this.folder = folder;
            this.connections = connections;
            this.transport = transport;
            this.cpu0 = ProcessCpu.of(qemu.process().pid());
        }

        @Override
        public List<GatheringByteChannel> connect(SenderSockets sockets) throws IOException {
            DataEndpoint at = DataEndpoint.parse(qemu.uri());
            for (int i = 0; i < connections; i++) {
                SocketChannel ch = at.connect(Optional.empty());
                channels.add(ch);
                if (transport == Transport.TCP) {
                    sockets.applyTo(ch);
                }
            }
            return List.copyOf(channels);
        }

        @Override
        public void endOfStream() throws IOException {
            for (SocketChannel ch : channels) {
                ch.shutdownOutput();
            }
        }

        @Override
        public boolean awaitEnd(Duration timeout) throws IOException {
            if (status.isEmpty() && lost.isEmpty()) {
                try {
                    status = qemu.awaitEnd(timeout).map(e -> e.text("status"));
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
            if (status.isEmpty() && lost.isEmpty()) {
                closeChannels(); // the sender failed part-way: QEMU sees the stream end short and says what it lacked
            }
            boolean completed = awaitEnd(FAILED_EXIT);
            Cpu cpu = qemu.process().alive() ? cpu0.sinceThen() : Cpu.NONE;
            if (!completed) {
                String said = qemu.process().output();
                String why = status.map(s -> "QEMU's migration " + s).orElse(lost);
                return new Receipt(true, Optional.of(why + (said.isEmpty() ? "" : "; QEMU said: " + said)), List.of(),
                        Receipt.UNCOUNTED, cpu);
            }
            return new Receipt(true, Optional.empty(), List.of(qemu.digest()), Receipt.UNCOUNTED, cpu, 0,
                    PeakMemory.ofProcess(qemu.process().pid()));
        }

        @Override
        public void close() throws IOException {
            try {
                closeChannels();
            } finally {
                try {
                    qemu.close();
                } finally {
                    SocketFolders.delete(folder);
                }
            }
        }

        private void closeChannels() throws IOException {
            for (SocketChannel ch : channels) {
                ch.close();
            }
        }
    }
}
