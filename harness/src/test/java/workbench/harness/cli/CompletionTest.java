package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** issue 12: the script generate-completion prints is sourced by bash without error and completes options and values. */
class CompletionTest {
    @TempDir
    Path tmp;

    private Path script() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = WorkbenchCommand.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).execute("generate-completion");
        assertThat(exit).isZero();
        Path file = tmp.resolve("workbench-completion.bash");
        Files.writeString(file, out.toString(StandardCharsets.UTF_8));
        return file;
    }

    /** the words of COMPREPLY after completing the last of {@code words}, one a line; sourcing must leave stderr empty (compopt's complaint outside a real completion is muted) */
    private String complete(Path script, String words) throws Exception {
        String body = "source '" + script + "' || exit 7\n"
                + "complete -p workbench >/dev/null || exit 8\n" // registered for the command
                + "COMP_WORDS=(" + words + ")\nCOMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
                + "_complete_workbench 2>/dev/null || exit 9\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", body).redirectErrorStream(false).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(err).isEmpty();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void bashSourcesTheScriptAndCompletesCommandsOptionsAndValues() throws Exception {
        Path script = script();
        assertThat(complete(script, "workbench ru")).isEqualTo("run\n");
        assertThat(complete(script, "workbench run --tcp-n")).isEqualTo("--tcp-nodelay\n");
        assertThat(complete(script, "workbench run --dup-policy ''").lines()).containsExactly("zero", "uniform");
        assertThat(complete(script, "workbench run --strategies ''").lines()).contains("scalar", "vectored");
        assertThat(complete(script, "workbench compare --allow").lines()).containsExactly("--allow-different-ram");
    }
}
