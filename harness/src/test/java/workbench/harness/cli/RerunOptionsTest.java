package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import workbench.reports.model.RerunCommand;

/** The report's Re-run line spells every recorded setting as an option: each must be an option of {@code run}. */
class RerunOptionsTest {
    @Test
    void everyRecordedSettingButTheFixedFactsIsAnOptionOfRun() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine top = WorkbenchCommand.commandLine(quiet, quiet);
        top.parseArgs("run", "--baselines", "none", "--ci-target", "2%", "--batch", "8,64");
        CommandLine run = top.getSubcommands().get("run");
        RunCommand command = run.getCommand();
        var texts = command.plan().settings().texts();
        assertThat(texts).containsKeys("ci-target", "max-trials", "batch", "backing", "baselines");
        for (String name : texts.keySet()) {
            if (!RerunCommand.NOT_OPTIONS.contains(name)) {
                assertThat(run.getCommandSpec().findOption("--" + name)).as("--" + name).isNotNull();
            }
        }
    }
}
