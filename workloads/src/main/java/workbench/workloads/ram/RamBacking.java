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
     * one file per RAM block in /dev/shm, reserved whole when it is made (fallocate: a second run
     * that finds no room fails clearly instead of both dying of SIGBUS), unlinked as soon as it is
     * open (a killed run leaves nothing behind) and mapped: beyond the direct-memory cap, and its channel stays open so pages
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
        FileChannel file = openReserved(block, length);
        try {
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

    /**
     * A new file in /dev/shm of {@code length} bytes, all of them reserved, open for reading and
     * writing, whose name is already gone. The free-space check alone is not enough: two runs that
     * both pass it and then map would both die of SIGBUS once tmpfs runs out part-way through the
     * first touch. util-linux {@code fallocate} takes the room up front (Java 17 has no call for
     * it, and {@code setLength} on tmpfs reserves nothing), so the second run fails here, clearly.
     */
    private static FileChannel openReserved(String block, long length) {
        Path path;
        try {
            path = Files.createTempFile(SHM_DIR, "workbench-ram-", ".img");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file for guest RAM block " + block
                    + " in /dev/shm; check that it is writable", e);
        }
        FileChannel file = null;
        Process fallocate = null;
        try {
            file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            // fallocate is handed the file as its stdin, so the name can go before the (long) reservation
            fallocate = new ProcessBuilder("fallocate", "-l", Long.toString(length), "/dev/stdin")
                    .redirectInput(path.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            if (file != null) {
                closeQuietly(file, e);
            }
            deleteQuietly(path, e);
            throw new IllegalStateException("cannot reserve /dev/shm for guest RAM block " + block + ": " + e.getMessage()
                    + "; install util-linux (fallocate) or use --backing direct", e);
        }
        deleteQuietly(path, null); // the open channel, then the mappings, keep the memory
        String said;
        int exit;
        try {
            said = new String(fallocate.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            exit = fallocate.waitFor();
        } catch (IOException | InterruptedException e) {
            fallocate.destroyForcibly();
            closeQuietly(file, e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("reserving /dev/shm for guest RAM block " + block + " was interrupted", e);
        }
        if (exit != 0) {
            closeQuietly(file, new IOException(said));
            throw new IllegalStateException("cannot reserve " + mib(length) + " MiB of /dev/shm for guest RAM block " + block
                    + " (" + mib(shmFree()) + " MiB free, " + said.replace('\n', ' ') + ")"
                    + "; use a smaller --ram, wait for the other users of /dev/shm to finish, or enlarge it (mount -o remount,size=…)");
        }
        return file;
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }

    /** the free bytes of /dev/shm now, or -1 if it cannot be read */
    private static long shmFree() {
        try {
            return Files.getFileStore(SHM_DIR).getUsableSpace();
        } catch (IOException e) {
            return -1L << 20;
        }
    }

    private static void deleteQuietly(Path path, Throwable cause) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                throw new UncheckedIOException("cannot unlink " + path + " in /dev/shm", e);
            }
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
