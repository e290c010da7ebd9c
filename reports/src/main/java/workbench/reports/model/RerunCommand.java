package workbench.reports.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shell command that repeats a run: the recorded JVM options and jar, then {@code run} with every
 * resolved setting spelled out as its option, so that a later workbench with other defaults repeats
 * the same run. {@code --out} and {@code --bind} come from the recorded command line; a token is
 * never recorded, so a run that was given {@code --token} is repeated with
 * {@code --token "$WORKBENCH_TOKEN"}. Values a shell would change are single-quoted.
 */
public final class RerunCommand {
    /**
     * settings recorded as facts, not options of {@code run}: the page size (x86's 4 KiB, fixed) and
     * the vectored staging buffer (QEMU's 32 KiB). The harness checks that every other name is an option.
     */
    public static final Set<String> NOT_OPTIONS = Set.of("page-size", "staging-buffer");

    /** the environment variable a user puts the receiver's token in */
    public static final String TOKEN_VARIABLE = "WORKBENCH_TOKEN";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:,=%+@-]+");

    private RerunCommand() {
    }

    /** the command for a manifest: its recorded command line and resolved settings */
    public static String of(Manifest manifest) {
        List<String> recorded = Arrays.asList(manifest.commandLine().strip().split("\\s+"));
        List<String> words = new ArrayList<>(launcher(recorded));
        words.add("run");
        for (Map.Entry<String, String> e : manifest.settings().texts().entrySet()) {
            if (!NOT_OPTIONS.contains(e.getKey())) {
                words.add("--" + e.getKey());
                words.add(quote(e.getValue()));
            }
        }
        for (String option : List.of("--out", "--bind")) {
            value(recorded, option).ifPresent(v -> {
                words.add(option);
                words.add(quote(v));
            });
        }
        if (recorded.stream().anyMatch(w -> w.equals("--token") || w.startsWith("--token="))) {
            words.add("--token");
            words.add("\"$" + TOKEN_VARIABLE + "\"");
        }
        return String.join(" ", words);
    }

    /**
     * "java", the JVM options recorded before {@code -jar}, "-jar" and the jar; "java -jar workbench.jar"
     * when the line names no jar (a test's or an old run's "workbench run …")
     */
    private static List<String> launcher(List<String> recorded) {
        int jar = recorded.indexOf("-jar");
        if (jar < 1 || jar + 1 >= recorded.size()) {
            return List.of("java", "-jar", "workbench.jar");
        }
        List<String> out = new ArrayList<>(List.of("java"));
        recorded.subList(1, jar).stream().map(RerunCommand::quote).forEach(out::add);
        out.add("-jar");
        out.add(quote(recorded.get(jar + 1)));
        return out;
    }

    /** the value of {@code --name v} or {@code --name=v} on the recorded line */
    private static java.util.Optional<String> value(List<String> recorded, String option) {
        for (int i = 0; i < recorded.size(); i++) {
            String w = recorded.get(i);
            if (w.equals(option) && i + 1 < recorded.size()) {
                return java.util.Optional.of(recorded.get(i + 1));
            }
            if (w.startsWith(option + "=")) {
                return java.util.Optional.of(w.substring(option.length() + 1));
            }
        }
        return java.util.Optional.empty();
    }

    /** a word as a POSIX shell reads it back unchanged */
    static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
