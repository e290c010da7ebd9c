package workbench.workloads.ram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where guest RAM lives. Always off-heap: the JDK copies heap buffers inside every channel write,
 * which would silently turn a vectored sender into a copying one.
 */
public enum RamBacking {
    /** direct buffers, counted against the JVM's direct-memory cap */
    DIRECT,
    /** a file in /dev/shm, mapped and unlinked at once: beyond the direct-memory cap */
    SHM;

    private static final Path SHM_DIR = Path.of("/dev/shm");

    /** DIRECT while {@code bytes} fits well under this JVM's direct-memory cap, SHM beyond it. */
    public static RamBacking forSize(long bytes) {
        return bytes <= directMemoryCap() / 10 * 8 || !Files.isDirectory(SHM_DIR) ? DIRECT : SHM;
    }

    /** The JVM's direct-memory cap: -XX:MaxDirectMemorySize if given, else the maximum heap (the JDK's default). */
    public static long directMemoryCap() {
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:MaxDirectMemorySize=")) {
                return parseJvmSize(arg.substring(arg.indexOf('=') + 1));
            }
        }
        return Runtime.getRuntime().maxMemory();
    }

    static long parseJvmSize(String s) {
        char unit = Character.toLowerCase(s.charAt(s.length() - 1));
        int shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        return Long.parseLong(digits) << shift;
    }

    /**
     * Fails at once where the memory cannot be had: a tmpfs mapping larger than the free space of
     * /dev/shm would be granted, then kill the JVM with SIGBUS at the first touch beyond it.
     */
    void checkRoom(long bytes) {
        if (this != SHM) {
            return;
        }
        try {
            long free = Files.getFileStore(SHM_DIR).getUsableSpace();
            if (bytes > free) {
                throw new IllegalStateException("guest RAM of " + (bytes >> 20) + " MiB does not fit in /dev/shm ("
                        + (free >> 20) + " MiB free); use a smaller --ram or enlarge /dev/shm (mount -o remount,size=…)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of /dev/shm", e);
        }
    }

    /** A zero-filled off-heap region of {@code bytes} (at most {@link Integer#MAX_VALUE}). */
    ByteBuffer allocate(int bytes) {
        return switch (this) {
            case DIRECT -> ByteBuffer.allocateDirect(bytes);
            case SHM -> mapShm(bytes);
        };
    }

    private static ByteBuffer mapShm(int bytes) {
        try {
            Path file = Files.createTempFile(SHM_DIR, "workbench-ram-", ".img");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                return ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
            } finally {
                Files.delete(file); // the mapping keeps the memory; nothing is left behind in /dev/shm
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + bytes + " bytes of guest RAM in /dev/shm; free space there or use a smaller --ram", e);
        }
    }
}
