package workbench.harness.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.AutoComplete;
import picocli.CommandLine;
import workbench.harness.failure.ExitCode;

/** The top command: its subcommands and the one place where errors become exit codes. */
@Command(name = "workbench", versionProvider = WorkbenchCommand.VersionProvider.class,
        description = "Measures what it costs to move VM RAM through a QEMU migration stream, scalar vs vectored writes.",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  workbench run                  the default experiment (64 MiB, loopback)",
                "  workbench run --help           every option of run, in sections",
                "  workbench help compare"},
        subcommands = {RunCommand.class, ServeCommand.class, DecodeCommand.class, ReportCommand.class, CompareCommand.class,
                MicroCommand.class, AutoComplete.GenerateCompletion.class,
                AgentCommand.class, CommandLine.HelpCommand.class})
public final class WorkbenchCommand {
    @Mixin(name = CommonOptions.MIXIN)
    CommonOptions common;

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"workbench " + Version.describe()};
        }
    }

    /** The command line with all wiring: converters, error handling, streams (tests pass their own). */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new WorkbenchCommand());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(CliErrors::onExecution);
        cli.setParameterExceptionHandler(CliErrors::onParameter);
        VersionProvider version = new VersionProvider();
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version)); // -V everywhere
        exitCodesInHelp(cli);
        completionInHelp(cli.getSubcommands().get("generate-completion").getCommandSpec());
        return cli;
    }

    /** picocli's completion command is hidden by default; ours is listed, with how to use it */
    private static void completionInHelp(CommandLine.Model.CommandSpec completion) {
        completion.usageMessage().hidden(false).optionListHeading("%nOptions:%n")
                .header("Prints a bash/zsh completion script.")
                .description("Prints a completion script for bash and zsh (zsh through bashcompinit) that completes the "
                        + "commands, options and option values of workbench, as an alias or a wrapper of that name.")
                .footerHeading("%nExamples:%n")
                .footer("  alias workbench='java -jar /path/to/workbench.jar'",
                        "  source <(workbench generate-completion)          in ~/.bashrc or ~/.zshrc",
                        "  workbench generate-completion > /etc/bash_completion.d/workbench");
    }

    /** every command's help ends with the exit codes, from the one enum that defines them */
    private static void exitCodesInHelp(CommandLine cli) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            codes.put(Integer.toString(c.code()), c.meaning());
        }
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cli.getSubcommands().values().forEach(sub -> exitCodesInHelp(sub));
    }
}
