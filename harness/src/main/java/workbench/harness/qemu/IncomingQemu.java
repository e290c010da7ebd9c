package workbench.harness.qemu;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbench.workloads.ram.BlockSpec;
import workbench.workloads.ram.RamDigest;

/**
 * A QEMU 7.2 destination ready for one incoming migration: {@code -M none} over a /dev/shm file we
 * poisoned (0xEE) and QEMU pre-faulted ({@code prealloc=on}, {@code share=on}), listening after
 * {@code -incoming defer}, the {@code events} capability (and any others, multifd) and
 * {@code migrate-incoming}. The file is unlinked as soon as QEMU holds it (a killed run leaves
 * nothing in /dev/shm); its digest is read through our open channel once the migration completed.
 */
public final class IncomingQemu implements AutoCloseable {
    private final BlockSpec block;
    private final FileChannel ram;
    private final QemuProcess qemu;
    private final String uri;

    private IncomingQemu(BlockSpec block, FileChannel ram, QemuProcess qemu, String uri) {
        this.block = block;
        this.ram = ram;
        this.qemu = qemu;
        this.uri = uri;
    }

    /**
     * @param prefix       launch prefix (taskset, ip netns exec), empty for none
     * @param listen       "tcp:HOST:0" (a free port) or "unix:PATH"
     * @param capabilities besides {@code events}, e.g. multifd (the source needs the same)
     * @param parameters   migrate-set-parameters before listening (multifd-channels), empty for none
     */
    public static IncomingQemu start(List<String> prefix, BlockSpec block, Path qmpSocket, String listen, List<String> capabilities,
                                     Map<String, ?> parameters) throws IOException {
        Path file = QemuFiles.create("dst", block.name());
        FileChannel ram = null;
        QemuProcess qemu = null;
        try {
            ram = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            QemuFiles.poison(ram, block.length());
            qemu = QemuProcess.start(QemuProcess.command(prefix, List.of(new MemoryBackend(block.name(), block.length(), file)),
                    qmpSocket, List.of("-incoming", "defer")), qmpSocket);
            List<String> caps = new ArrayList<>(List.of("events"));
            caps.addAll(capabilities);
            Migration.enable(qemu.qmp(), caps);
            if (!parameters.isEmpty()) {
                Migration.set(qemu.qmp(), parameters);
            }
            String uri = listen;
            if (listen.startsWith("tcp:")) {
                InetSocketAddress at = Migration.listen(qemu.qmp(), listen);
                uri = "tcp:" + at.getHostString() + ":" + at.getPort();
            } else {
                qemu.qmp().execute("migrate-incoming", Map.of("uri", listen));
            }
            QemuFiles.delete(file); // QEMU has it mapped, we have it open
            return new IncomingQemu(block, ram, qemu, uri);
        } catch (IOException | RuntimeException e) {
            String said = qemu == null ? "" : qemu.output();
            if (qemu != null) {
                qemu.close();
            }
            if (ram != null) {
                ram.close();
            }
            QemuFiles.delete(file);
            throw QemuProcess.withWords(e, said);
        }
    }

    /** where a source sends the stream: "tcp:127.0.0.1:PORT" as QEMU bound it, or the unix: URI it was given */
    public String uri() {
        return uri;
    }

    public QemuProcess process() {
        return qemu;
    }

    /** the MIGRATION event that ended the incoming migration; empty past {@code timeout}; throws when QEMU exited first */
    public Optional<QmpMessage.Event> awaitEnd(Duration timeout) throws IOException {
        return Migration.awaitEndEvent(qemu.qmp(), timeout);
    }

    /** the digest of QEMU's RAM as it is now (after a completed migration: what it loaded) */
    public RamDigest.BlockDigest digest() throws IOException {
        return RamDigest.ofFile(block.name(), ram, block.length());
    }

    @Override
    public void close() throws IOException {
        try {
            qemu.close();
        } finally {
            ram.close();
        }
    }
}
