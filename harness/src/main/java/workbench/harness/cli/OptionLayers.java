package workbench.harness.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.run.RunPlan;
import workbench.reports.model.Run;

/**
 * {@code run --like run.json} and {@code run --preset NAME}: a previous run's configuration and a
 * preset's options become the defaults, and options given now override them (typed, then the
 * previous run's, then the preset's, then {@code Defaults}). Done by parsing once more: the layers as
 * options, then the new command line — so every value passes the same converters and checks as when
 * typed. The settings are typed in run.json; each is rendered as the text its option accepts.
 */
final class OptionLayers {
    private OptionLayers() {
    }

    static RunPlan plan(Optional<Path> runJson, Optional<Preset> preset, CommandSpec current) {
        CommandLine.ParseResult typed = current.commandLine().getParseResult();
        List<String> args = new ArrayList<>();
        Set<String> given = new HashSet<>();
        if (runJson.isPresent()) {
            Run previous = RunFiles.read(runJson.get()); // a run folder or its run.json
            previous.manifest().settings().texts().forEach((name, value) -> add(current, typed, "--" + name, value, args, given));
        }
        preset.ifPresent(p -> {
            for (int i = 0; i + 1 < p.args().size(); i += 2) {
                add(current, typed, p.args().get(i), p.args().get(i + 1), args, given);
            }
        });
        List<String> original = typed.originalArgs();
        args.addAll(original.subList(original.indexOf("run") + 1, original.size())); // originalArgs starts at the top command
        removeLike(args);
        args.add(0, "run");
        CommandLine top = WorkbenchCommand.commandLine(System.out, System.err);
        try {
            top.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            String source = runJson.map(j -> "the configuration in " + j).orElse("--preset " + preset.map(Preset::text).orElse(""));
            throw new UserException(source + " does not parse: " + e.getMessage(),
                    "is it a run.json of this workbench version?", ExitCode.INVALID_INPUT);
        }
        RunCommand repeated = top.getSubcommands().get("run").getCommand();
        return repeated.plan();
    }

    /** a layer's option, unless it was typed or an upper layer gave it already */
    private static void add(CommandSpec current, CommandLine.ParseResult typed, String name, String value, List<String> args,
                            Set<String> given) {
        var option = current.findOption(name);
        if (option != null && !typed.hasMatchedOption(option) && given.add(name)) {
            args.add(name);
            args.add(value);
        }
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
