package workbench.harness.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.run.RunPlan;
import workbench.reports.model.Run;

/**
 * {@code run --like run.json}: a previous run's configuration becomes the defaults, and options
 * given now override it. Done by parsing once more: the old configuration as options, then the
 * new command line — so every value passes the same converters and checks as when typed. The
 * settings are typed in run.json; each is rendered as the text its option accepts.
 */
final class LikeRun {
    private LikeRun() {
    }

    static RunPlan plan(Path runJson, CommandSpec current) {
        Run previous = RunFiles.read(runJson); // a run folder or its run.json
        CommandLine.ParseResult typed = current.commandLine().getParseResult();
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, String> e : previous.manifest().settings().texts().entrySet()) {
            var option = current.findOption("--" + e.getKey());
            if (option != null && !typed.hasMatchedOption(option)) {
                args.add("--" + e.getKey());
                args.add(e.getValue());
            }
        }
        List<String> original = typed.originalArgs();
        args.addAll(original.subList(original.indexOf("run") + 1, original.size())); // originalArgs starts at the top command
        removeLike(args);
        args.add(0, "run");
        CommandLine top = WorkbenchCommand.commandLine(System.out, System.err);
        try {
            top.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UserException("the configuration in " + runJson + " does not parse: " + e.getMessage(),
                    "is it a run.json of this workbench version?", ExitCode.INVALID_INPUT);
        }
        RunCommand repeated = top.getSubcommands().get("run").getCommand();
        return repeated.plan();
    }

    private static void removeLike(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--like")) {
                args.subList(i, Math.min(args.size(), i + 2)).clear();
                return;
            }
            if (args.get(i).startsWith("--like=")) {
                args.remove(i);
                return;
            }
        }
    }
}
