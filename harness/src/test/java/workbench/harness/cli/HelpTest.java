package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import workbench.harness.run.Defaults;

/** issue 12, command line: every help fits 80 columns, labels read as words, exit codes and examples close it. */
class HelpTest {
    private static String help(String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = WorkbenchCommand.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--help"))
                .toArray(String[]::new);
        assertThat(cli.execute(args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandsHelpFitsEightyColumnsAndEndsWithExitCodesAndExamples() {
        for (List<String> command : List.<List<String>>of(List.of(), List.of("run"), List.of("serve"), List.of("decode"), List.of("report"),
                List.of("compare"), List.of("micro"))) {
            String text = help(command.toArray(String[]::new));
            assertThat(text.lines()).as("%s", command).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
            assertThat(text).as("%s", command).contains("Exit codes:", "  2   invalid input", "  3   environment not ready",
                    "Examples:");
            // a parameter label is a word (SIZE, on|off), never the Java field's name picocli makes up
            assertThat(text).as("%s", command).doesNotContainPattern("=<[a-z][A-Za-z]*>");
        }
    }

    @Test
    void runsOptionsSitInSectionsWithTheirDefaults() {
        String text = help("run");
        assertThat(text).contains("Usage: workbench run [OPTIONS]");
        List<String> headings = List.of("Guest RAM", "Write strategies:", "Networks, sockets and the receiver:",
                "Trials and statistics:", "Presets, repeats and output:", "Exit codes:", "Examples:");
        int at = -1;
        for (String h : headings) {
            int next = text.indexOf("\n" + h);
            assertThat(next).as(h).isGreaterThan(at);
            at = next;
        }
        assertThat(text.substring(text.indexOf("Guest RAM"), text.indexOf("Write strategies:")))
                .containsPattern("--ram=SIZE\\[,SIZE...] .*default\\s+64M").contains("--dup-policy=zero|uniform");
        assertThat(text.substring(text.indexOf("Networks, sockets"), text.indexOf("Trials and statistics:")))
                .contains("--tcp-nodelay[=on|off", "--net=NETWORK");
        assertThat(text.substring(text.indexOf("Trials and statistics:"))).containsPattern("--trials=ROUNDS .*default\\s+" + Defaults.TRIALS + "\\b");
    }

    @Test
    void theCommandListShowsWholeSentences() {
        String text = help();
        String commands = text.substring(text.indexOf("Commands:"), text.indexOf("Exit codes:"));
        for (String name : List.of("run", "serve", "decode", "report", "compare", "micro")) {
            String entry = commands.substring(commands.indexOf("  " + name + " "));
            entry = entry.substring(0, entry.indexOf('.') + 1);
            assertThat(entry).as(name).doesNotContain("(").endsWith(".");
        }
    }
}
