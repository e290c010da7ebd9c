package workbench.harness.qemu;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbench.reports.model.QemuFigures;
import workbench.workloads.ram.BlockSpec;

/**
 * A QEMU 7.2 source over a RAM file the workbench filled with the synthetic guest: {@code -M none},
 * paused ({@code -S}: it dirties nothing, so one pass sends every page once), {@code share=on} and
 * pre-faulted as the destination is, capability {@code events} (and any others), and
 * {@code max-bandwidth} 0 — unlimited; 7.2's default of 128 MiB/s would make it the network's
 * bottleneck (qemu-stream-format.md §9).
 */
public final class OutgoingQemu implements AutoCloseable {
    private final QemuProcess qemu;

    private OutgoingQemu(QemuProcess qemu) {
        this.qemu = qemu;
    }

    /** @param parameters beside max-bandwidth 0 (multifd-channels; a max-bandwidth given here replaces it), empty for none */
    public static OutgoingQemu start(List<String> prefix, BlockSpec block, Path file, Path qmpSocket, List<String> capabilities,
                                     Map<String, ?> parameters) throws IOException {
        QemuProcess qemu = QemuProcess.start(QemuProcess.command(prefix, List.of(new MemoryBackend(block.name(), block.length(), file)),
                qmpSocket, List.of()), qmpSocket);
        try {
            List<String> caps = new ArrayList<>(List.of("events"));
            caps.addAll(capabilities);
            Migration.enable(qemu.qmp(), caps);
            Map<String, Object> all = new HashMap<>(parameters);
            all.putIfAbsent("max-bandwidth", 0);
            Migration.set(qemu.qmp(), all);
            return new OutgoingQemu(qemu);
        } catch (IOException | RuntimeException e) {
            String said = qemu.output();
            qemu.close();
            throw QemuProcess.withWords(e, said);
        }
    }

    /** Sends the migration to {@code uri}; returns System.nanoTime just before the command went (the clock's start). */
    public long migrate(String uri) throws IOException {
        return Migration.start(qemu.qmp(), uri);
    }

    /** the MIGRATION event that ended it on this side; empty past {@code timeout}; throws when QEMU exited first */
    public Optional<QmpMessage.Event> awaitEnd(Duration timeout) throws IOException {
        return Migration.awaitEndEvent(qemu.qmp(), timeout);
    }

    /** query-migrate's account of the migration, once it has ended */
    public QemuFigures figures() throws IOException {
        return Migration.figures(qemu.qmp());
    }

    public QemuProcess process() {
        return qemu;
    }

    @Override
    public void close() {
        qemu.close();
    }
}
