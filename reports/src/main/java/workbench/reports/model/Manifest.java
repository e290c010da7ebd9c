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
    public long seed() {
        return settings.ram().seed();
    }

    /** the command that repeats the run, every resolved setting spelled out ({@link RerunCommand}) */
    public String rerunCommand() {
        return RerunCommand.of(this);
    }
}
