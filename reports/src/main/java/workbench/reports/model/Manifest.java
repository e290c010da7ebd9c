package workbench.reports.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything needed to re-run a run and to compare it across machines.
 *
 * @param commandLine   the exact command line, as typed
 * @param workbench     workbench version and git commit
 * @param seed          the RNG seed of the RAM content
 * @param configuration the resolved configuration (every option, defaults included), in option order
 * @param environment   JVM, OS, CPU, memory, network and other facts read from the machine
 */
public record Manifest(String commandLine, String workbench, long seed, Map<String, Object> configuration,
                       Map<String, String> environment) {
    public Manifest {
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }
}
