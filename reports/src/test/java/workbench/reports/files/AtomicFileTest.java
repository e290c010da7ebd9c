package workbench.reports.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** issue 12: result files follow the umask (a new file's permissions), not the 0600 of a temp file. */
class AtomicFileTest {
    @TempDir
    Path tmp;

    @Test
    void aReplacedFileHasTheModeOfAnyNewFileAndNoTempFileStays() throws Exception {
        Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(tmp.resolve("plain")); // 0666 less this process's umask
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        Path target = tmp.resolve("run.json");
        AtomicFile.write(target, "one");
        AtomicFile.write(target, "two");
        assertThat(Files.readString(target)).isEqualTo("two");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(expected);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plain", "run.json");
        }
    }
}
