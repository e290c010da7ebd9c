package workbench.harness.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** issue 10, defect 7: a receiver that exits or is killed with a Unix data listener open leaves no socket behind. */
class SocketFoldersTest {
    @TempDir
    Path tmp;

    /** a process that opens a Unix listener and exits with it open, as a serve child does when its parent dies */
    public static void main(String[] args) throws Exception {
        DataListener listener = DataListener.unix();
        System.out.println(listener.endpoint().text());
        System.exit(0);
    }

    private List<Path> folders() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.toList();
        }
    }

    @Test
    void aProcessExitingWithAListenerOpenDeletesItsSocket() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), SocketFoldersTest.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains(tmp.resolve("workbench-" + p.pid() + "-").toString(), "data.sock");
        assertThat(folders()).isEmpty();
    }

    @Test
    void theFoldersOfKilledProcessesAreSweptAndLiveOnesKept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = Files.createDirectory(tmp.resolve("workbench-" + gone.pid() + "-123"));
        Files.createFile(dead.resolve("data.sock"));
        Path live = Files.createDirectory(tmp.resolve("workbench-" + ProcessHandle.current().pid() + "-456"));
        Files.createFile(live.resolve("data.sock"));
        Path notOurs = Files.createDirectory(tmp.resolve("workbench-" + gone.pid() + "-789"));
        Files.createFile(notOurs.resolve("notes.txt"));
        SocketFolders.sweep(tmp);
        assertThat(folders()).containsExactlyInAnyOrder(live, notOurs);
    }
}
