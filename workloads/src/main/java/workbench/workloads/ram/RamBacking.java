package workbench.workloads.ram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Where guest RAM lives. Always off-heap: the JDK copies heap buffers inside every channel write,
 * which would silently turn a vectored sender into a copying one.
 */
public enum RamBacking {
    /** direct buffers, counted against the JVM's direct-memory cap */
    DIRECT,
    /**
     * one file per RAM block in /dev/shm, unlinked as soon as it is open (a killed run leaves
     * nothing behind) and mapped: beyond the direct-memory cap, and its channel stays open so pages
     * can be sent from it with {@code transferTo}
     */
    SHM;

    private static final Path SHM_DIR = Path.of("/dev/shm");

    /** The memory of one block: its chunks, and for SHM the open channel of the file they map. */
    record Memory(ByteBuffer[] chunks, Optional<FileChannel> file) {
    }

    /** DIRECT while {@code bytes} fits well under this JVM's direct-memory cap, SHM beyond it. */
    public static RamBacking forSize(long bytes) {
        return bytes <= directMemoryCap() / 10 * 8 || !shmAvailable() ? DIRECT : SHM;
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

    static boolean shmAvailable() {
        return Files.isDirectory(SHM_DIR);
    }

    /**
     * Fails at once where {@code bytes} of guest RAM cannot be had: beyond the direct-memory cap
     * (the JVM would throw OutOfMemoryError part-way), or beyond the free space of /dev/shm (a
     * tmpfs mapping that large would be granted, then kill the JVM with SIGBUS at the first touch
     * beyond it).
     */
    void checkRoom(long bytes) {
        switch (this) {
            case DIRECT -> checkDirectCap(bytes);
            case SHM -> checkShmRoom(bytes);
        }
    }

    private static void checkDirectCap(long bytes) {
        long cap = directMemoryCap();
        if (bytes > cap) {
            String fix = shmAvailable() ? "use --backing shm or auto"
                    : "raise -XX:MaxDirectMemorySize or use a smaller --ram (there is no /dev/shm here)";
            throw new IllegalStateException("guest RAM of " + (bytes >> 20) + " MiB exceeds the JVM's direct-memory cap of "
                    + (cap >> 20) + " MiB; " + fix);
        }
    }

    private static void checkShmRoom(long bytes) {
        if (!shmAvailable()) {
            throw new IllegalStateException("/dev/shm is not available for guest RAM; use --backing direct or auto");
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

    /** Zero-filled off-heap memory of {@code length} bytes, in chunks of at most {@code chunkBytes}. */
    Memory allocate(String block, long length, int chunkBytes) {
        int chunkCount = (int) ((length + chunkBytes - 1) / chunkBytes);
        ByteBuffer[] chunks = new ByteBuffer[chunkCount];
        if (this == DIRECT) {
            for (int c = 0; c < chunkCount; c++) {
                chunks[c] = ByteBuffer.allocateDirect(chunkSize(length, chunkBytes, c));
            }
            return new Memory(chunks, Optional.empty());
        }
        FileChannel file = openUnlinked(block);
        try {
            file.write(ByteBuffer.allocate(1), length - 1); // sizes the (sparse) file to the block
            for (int c = 0; c < chunkCount; c++) {
                chunks[c] = file.map(FileChannel.MapMode.READ_WRITE, (long) c * chunkBytes, chunkSize(length, chunkBytes, c));
            }
            return new Memory(chunks, Optional.of(file));
        } catch (IOException e) {
            closeQuietly(file, e);
            throw new UncheckedIOException("cannot map " + length + " bytes of guest RAM block " + block
                    + " in /dev/shm; free space there or use a smaller --ram", e);
        } catch (RuntimeException | Error e) {
            closeQuietly(file, e);
            throw e;
        }
    }

    private static int chunkSize(long length, int chunkBytes, int chunk) {
        return (int) Math.min(chunkBytes, length - (long) chunk * chunkBytes);
    }

    /** A new file in /dev/shm, open for reading and writing, whose name is already gone. */
    private static FileChannel openUnlinked(String block) {
        try {
            Path path = Files.createTempFile(SHM_DIR, "workbench-ram-", ".img");
            try {
                return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } finally {
                Files.delete(path); // the open channel and the mappings keep the memory
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file for guest RAM block " + block
                    + " in /dev/shm; check that it is writable", e);
        }
    }

    private static void closeQuietly(FileChannel file, Throwable cause) {
        try {
            file.close();
        } catch (IOException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}
