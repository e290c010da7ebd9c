package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;

class CliErrorsTest {
    private static String[] handle(Exception e, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = WorkbenchCommand.commandLine(System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        int code = CliErrors.onExecution(e, cli, parsed);
        return new String[] {String.valueOf(code), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aBugIsOneLineAndExitFourWithTheTraceOnlyWhenVerbose() {
        String[] quiet = handle(new IllegalStateException("boom"), "run");
        assertThat(quiet[0]).isEqualTo("4");
        assertThat(quiet[1].lines().count()).isEqualTo(1);
        assertThat(quiet[1]).startsWith("workbench: error: internal error: java.lang.IllegalStateException: boom");
        String[] verbose = handle(new IllegalStateException("boom"), "run", "--verbose");
        assertThat(verbose[1]).contains("\tat ");
    }

    @Test
    void aUserErrorCarriesItsHintAndCode() {
        String[] r = handle(new UserException("no such thing", "do this instead", ExitCode.ENVIRONMENT), "run");
        assertThat(r[0]).isEqualTo("3");
        assertThat(r[1].strip()).isEqualTo("workbench: error: no such thing; do this instead");
    }
}
