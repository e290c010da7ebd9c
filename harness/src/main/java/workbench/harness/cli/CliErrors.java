package workbench.harness.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;

/** Turns every failure into one line on stderr and the exit code DESIGN.md assigns. */
final class CliErrors {
    private CliErrors() {
    }

    static int onExecution(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean verbose = false;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            CommandLine.Model.CommandSpec common = p.commandSpec().mixins().get(CommonOptions.MIXIN);
            verbose |= common != null && ((CommonOptions) common.userObject()).verbose;
        }
        if (e instanceof UserException u) {
            err.println(u.line());
            trace(err, e, verbose);
            return u.exitCode().code();
        }
        err.println("workbench: error: internal error: " + e + "; rerun with --verbose and report it");
        trace(err, e, verbose);
        return ExitCode.INTERNAL.code();
    }

    static int onParameter(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("workbench: error: " + e.getMessage() + "; see '" + cli.getCommandSpec().qualifiedName() + " --help'");
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        return ExitCode.INVALID_INPUT.code();
    }

    private static void trace(PrintWriter err, Exception e, boolean verbose) {
        if (verbose) {
            StringWriter s = new StringWriter();
            e.printStackTrace(new PrintWriter(s));
            err.print(s);
            err.flush();
        }
    }
}
