package workbench.reports.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    /**
     * A configuration value as one line of text, the same for equal values: lists as "a,b", objects
     * as "{k=v, …}" sorted by key (writers do not all keep one order), numbers as Java prints them
     * ({@code String.valueOf}, locale-free).
     */
    public static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Manifest::text).collect(Collectors.joining(","));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue())).sorted()
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    /** the command that repeats the run: the recorded command line, as run through the jar */
    public String rerunCommand() {
        String line = commandLine.strip();
        if (line.startsWith("java ")) {
            return line;
        }
        return "java -jar workbench.jar " + (line.startsWith("workbench ") ? line.substring("workbench ".length()) : line);
    }
}
