package workbench.harness.net;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The private folders of Unix sockets, {@code <java.io.tmpdir>/workbench-<pid>-<random>/}: a data
 * socket ({@code data.sock}) or a QEMU's QMP socket ({@code qmp.sock}), any {@code *.sock}. Those
 * still open when the process exits are deleted by a shutdown hook, and those of processes that are
 * gone (killed outright) by the next process that opens one.
 */
public final class SocketFolders {
    static final String SOCKET = "data.sock";
    private static final String SUFFIX = ".sock";
    private static final String PREFIX = "workbench-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    private SocketFolders() {
    }

    /** a new folder of this process, deleted at exit if still open then */
    public static Path create() throws IOException {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(SocketFolders::quietly), "socket-folders"));
        }
        Path dir = Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
        OPEN.add(dir);
        return dir;
    }

    /** removes the folder and the sockets in it */
    public static void delete(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // already gone
        }
        Files.deleteIfExists(dir);
        OPEN.remove(dir);
    }

    /** once per process: removes the folders whose process is gone and that hold nothing but sockets */
    public static void sweepOnce() {
        if (SWEPT.compareAndSet(false, true)) {
            sweep(Path.of(System.getProperty("java.io.tmpdir")));
        }
    }

    static void sweep(Path tmp) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                Matcher m = NAME.matcher(dir.getFileName().toString());
                if (m.matches() && Files.isDirectory(dir) && gone(m.group(1)) && onlySocket(dir)) {
                    quietly(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a folder left behind is harmless and the next sweep tries again
        }
    }

    private static boolean gone(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean onlySocket(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (!f.getFileName().toString().endsWith(SUFFIX)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void quietly(Path dir) {
        try {
            delete(dir);
        } catch (IOException e) {
            // at exit or in a sweep there is no one to tell
        }
    }
}
