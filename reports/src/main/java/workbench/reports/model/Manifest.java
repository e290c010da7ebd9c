package workbench.reports.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to re-run a run and to compare it across machines.
 *
 * @param commandLine the exact command line, as typed
 * @param workbench   workbench version and git commit
 * @param settings    the resolved settings (every option, defaults included)
 * @param environment JVM, OS, CPU, memory, network and other facts read from the machine
 */
public record Manifest(String commandLine, String workbench, RunSettings settings, Map<String, String> environment) {
    public Manifest {
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(workbench, "workbench");
        Objects.requireNonNull(settings, "settings");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** the RNG seed of the RAM content */
    /** the environment's prefix of how a series is timed ("timing.qemu"), written where a run has baselines */
    public static final String TIMING = "timing.";

    /**
     * How each kind of series was timed, by series name ("strategies" for ours): the environment's
     * {@value #TIMING} entries, in the order recorded; empty when the run had only our strategies.
     */
    public Map<String, String> timings() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith(TIMING)) {
                out.put(k.substring(TIMING.length()), v);
            }
        });
        return out;
    }

    public long seed() {
        return settings.ram().seed();
    }

    /** the command that repeats the run, every resolved setting spelled out ({@link RerunCommand}) */
    public String rerunCommand() {
        return RerunCommand.of(this);
    }
}
