package workbench.harness.qemu;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import workbench.workloads.ram.RamBlock;

/**
 * The RAM files QEMU sources start over: one /dev/shm copy of each guest block, written once from
 * our generated guest (outside timing) the first time a QEMU source needs it, and shared by every
 * QEMU series of the run (a paused source only reads it). Removed when the run's sites close.
 */
public final class SourceImages implements AutoCloseable {
    private final Map<RamBlock, Path> files = new IdentityHashMap<>();

    /** the file holding exactly {@code block}'s bytes */
    public synchronized Path of(RamBlock block) throws IOException {
        Path file = files.get(block);
        if (file == null) {
            file = QemuFiles.create("src", block.name());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                QemuFiles.fill(ch, block);
            } catch (IOException | RuntimeException e) {
                QemuFiles.delete(file);
                throw e;
            }
            files.put(block, file);
        }
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        List<Path> all = new ArrayList<>(files.values());
        files.clear();
        for (Path f : all) {
            QemuFiles.delete(f);
        }
    }
}
