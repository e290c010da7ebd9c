package workbench.harness.qemu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbench.workloads.ram.RamBlock;

/**
 * The RAM files of the QEMUs a workbench starts: {@code /dev/shm/workbench-qemu-<pid>-…}, named for
 * the process that made them. Those still there when this JVM exits are deleted by a shutdown hook;
 * those of a run killed outright (SIGKILL: no hook ran), and the QEMUs still mapping them, are swept
 * by the next process that makes one, as the namespaces of killed runs are.
 */
public final class QemuFiles {
    static final Path SHM = Path.of("/dev/shm");
    static final String PREFIX = "workbench-qemu-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{1,18})-.*");
    private static final Pattern OWNER = Pattern.compile(Pattern.quote(SHM.resolve(PREFIX).toString()) + "(\\d{1,18})-");
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();
    private static final AtomicBoolean SWEPT = new AtomicBoolean();
    private static final byte POISON = (byte) 0xEE;

    private QemuFiles() {
    }

    /** a new, empty /dev/shm file of this process for {@code what} ("dst", "src") of block {@code block} */
    public static Path create(String what, String block) throws IOException {
        sweepOnce();
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(QemuFiles::quietly), "qemu-files"));
        }
        Path file = Files.createTempFile(SHM, PREFIX + ProcessHandle.current().pid() + "-" + what + "-", "-" + block + ".img");
        OPEN.add(file);
        return file;
    }

    /** removes a file {@link #create} made (QEMU may still map it: its pages go when QEMU does) */
    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        OPEN.remove(file);
    }

    /** 0xEE in every byte: allocates the file's pages now, and a page the stream never delivers fails the digest */
    public static void poison(FileChannel ch, long length) throws IOException {
        ByteBuffer fill = ByteBuffer.allocateDirect(1 << 20);
        while (fill.hasRemaining()) {
            fill.put(POISON);
        }
        for (long at = 0; at < length; ) {
            fill.clear().limit((int) Math.min(fill.capacity(), length - at));
            at += ch.write(fill, at);
        }
    }

    /** writes {@code block}'s pages into {@code ch} from offset 0: a QEMU source's RAM, the same bytes as our guest */
    public static void fill(FileChannel ch, RamBlock block) throws IOException {
        int batch = 256;
        ByteBuffer[] pages = new ByteBuffer[batch];
        for (int first = 0; first < block.pageCount(); first += batch) {
            int n = Math.min(batch, block.pageCount() - first);
            for (int i = 0; i < n; i++) {
                pages[i] = block.page(first + i).duplicate();
            }
            ch.position(block.fileOffset(first));
            long left = (long) n * block.pageSize();
            while (left > 0) {
                left -= ch.write(pages, 0, n);
            }
        }
    }

    /** once per process: the QEMUs and files of workbench processes that are gone */
    public static void sweepOnce() {
        if (SWEPT.compareAndSet(false, true)) {
            sweep();
        }
    }

    /**
     * Ends every QEMU whose command line names a RAM file of a workbench process that is gone (its
     * file may be unlinked already: the name stays in the command line), then removes such files.
     * Returns the PIDs of the QEMUs it ended.
     */
    public static List<Long> sweep() {
        return sweep(QemuFiles::gone);
    }

    /** the same, {@code gone} saying which owner PIDs count as gone (tests sweep only what they made) */
    static List<Long> sweep(LongPredicate gone) {
        List<ProcessHandle> orphans = ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith(QemuProcess.BINARY)
                && owner(p.info().commandLine().orElse("")).stream().anyMatch(gone::test)).toList();
        for (ProcessHandle p : orphans) {
            p.destroy();
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(SHM, PREFIX + "*")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches() && gone.test(Long.parseLong(m.group(1)))) {
                    quietly(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the next sweep tries again
        }
        return orphans.stream().map(ProcessHandle::pid).toList();
    }

    /** the PID of the workbench process whose RAM file {@code commandLine} names; empty when it names none */
    static java.util.OptionalLong owner(String commandLine) {
        Matcher m = OWNER.matcher(commandLine);
        return m.find() ? java.util.OptionalLong.of(Long.parseLong(m.group(1))) : java.util.OptionalLong.empty();
    }

    static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private static void quietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // at exit or in a sweep there is no one to tell
        }
    }
}
