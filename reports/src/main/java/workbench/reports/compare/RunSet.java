package workbench.reports.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import workbench.reports.model.Manifest;
import workbench.reports.model.Run;
import workbench.reports.model.RunSettings;

/**
 * Several runs laid side by side. Each run's group is named by the settings the user set that
 * differ between the runs (by their text in {@link RunSettings#texts()}: "net=unix"); only when no
 * setting differs do the machine facts that differ name it (host, JVM, kernel, CPU), and when none
 * does either, the run id. Facts derived from the settings (the description of each network) never
 * name a group; they are listed with the rest in {@link #differing()}. Within a group, series stay
 * aligned by their {@code SeriesKey}. Runs whose guest RAM differs are not comparable: refused, or
 * kept with a visible warning when the caller allows it. Runs of different workloads (bulk, precopy,
 * checkpoint) are always refused: their times measure different things.
 *
 * @param members        the runs in the order given, each with its group name
 * @param differing      names of the settings that differ, run settings first, then environment
 * @param naming         the names among them that name the groups
 * @param ramDifferences one line per RAM setting that differs, e.g. "ram: 16777216 vs 8388608"; empty when none
 */
public record RunSet(List<Member> members, List<String> differing, List<String> naming, List<String> ramDifferences) {
    /** what to do with runs whose RAM differs */
    public enum RamCheck {
        /** throw {@link IncomparableRunsException} */
        REJECT,
        /** keep them, with a warning in {@link #warnings()} */
        WARN
    }

    /**
     * One run of the set.
     *
     * @param run      the run
     * @param group    its name on the x axis: the naming settings as "k=v, …", or the run id when none differ
     * @param settings the differing settings' values in this run ("—" when the run does not record it)
     */
    public record Member(Run run, String group, Map<String, String> settings) {
        public Member {
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }
    }

    public RunSet {
        members = List.copyOf(members);
        differing = List.copyOf(differing);
        naming = List.copyOf(naming);
        ramDifferences = List.copyOf(ramDifferences);
    }

    public static RunSet of(List<Run> runs, RamCheck check) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two runs, got " + runs.size());
        }
        List<Map<String, String>> settings = runs.stream().map(RunSet::settings).toList();
        Set<String> keys = new LinkedHashSet<>();
        settings.forEach(s -> keys.addAll(s.keySet()));
        List<String> differing = keys.stream()
                .filter(k -> settings.stream().map(s -> s.getOrDefault(k, MISSING)).distinct().count() > 1).toList();
        List<String> ram = new ArrayList<>();
        for (String k : RunSettings.RAM_NAMES) {
            String key = CONFIG + k;
            List<String> values = settings.stream().map(s -> s.getOrDefault(key, MISSING)).distinct().toList();
            if (values.size() > 1) {
                ram.add(k + ": " + String.join(" vs ", values));
            }
        }
        if (!ram.isEmpty() && check == RamCheck.REJECT) {
            throw new IncomparableRunsException("the runs' guest RAM differs (" + String.join("; ", ram)
                    + "), so their times are not comparable", "compare runs of one RAM spec, or pass --allow-different-ram "
                    + "to lay them side by side with a warning");
        }
        List<String> workloads = runs.stream().map(RunSet::workload).distinct().toList();
        if (workloads.size() > 1) {
            throw new IncomparableRunsException("the runs' workloads differ (" + String.join(" vs ", workloads)
                    + "): a checkpoint trial's time is the guest's paused time and a pre-copy's includes its live passes, so"
                    + " no table of them compares with a bulk copy's or each other's", "compare runs of one --workload");
        }
        List<String> names = differing.stream().map(RunSet::name).toList();
        List<String> naming = differing.stream().filter(k -> k.startsWith(CONFIG)).toList();
        if (naming.isEmpty()) {
            naming = differing.stream().filter(k -> MACHINE_FACTS.contains(name(k))).toList();
        }
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Map<String, String> mine = new LinkedHashMap<>();
            for (String k : differing) {
                mine.put(name(k), settings.get(i).getOrDefault(k, MISSING));
            }
            Map<String, String> named = new LinkedHashMap<>();
            for (String k : naming) {
                named.put(name(k), settings.get(i).getOrDefault(k, MISSING));
            }
            members.add(new Member(runs.get(i), group(runs.get(i), named), mine));
        }
        return new RunSet(unique(members), names, naming.stream().map(RunSet::name).toList(), ram);
    }

    /** the manifest setting naming a run's workload (bulk, precopy, checkpoint); runs without it are bulk */
    public static final String WORKLOAD_SETTING = "workload";

    /** a run's --workload as recorded: "bulk" for runs from before live workloads */
    public static String workload(Run run) {
        return run.manifest().settings().entry(WORKLOAD_SETTING).map(s -> s.values().get(0).trim())
                .filter(s -> !s.isEmpty()).orElse("bulk");
    }

    /** the runs themselves, in order */
    public List<Run> runs() {
        return members.stream().map(Member::run).toList();
    }

    /** what a reader must know about the set as a whole: RAM that differs although allowed */
    public List<String> warnings() {
        return ramDifferences.isEmpty() ? List.of() : List.of("the runs' guest RAM differs ("
                + String.join("; ", ramDifferences) + "): times are not comparable between groups; "
                + "kept side by side because --allow-different-ram was given");
    }

    private static final String MISSING = "—";
    /** the machine facts that name groups when no setting differs: short, and chosen by whoever ran the runs */
    private static final Set<String> MACHINE_FACTS = Set.of("host", "hostname", "java", "java.version", "java.vm", "os",
            "kernel", "cpu", "cpu.model", "cpu.cores");
    private static final String CONFIG = "settings.";
    private static final String ENV = "environment.";

    /** every setting of a run's manifest as text, settings before environment, keys prefixed to keep them apart */
    private static Map<String, String> settings(Run run) {
        Map<String, String> all = new LinkedHashMap<>();
        Manifest m = run.manifest();
        m.settings().texts().forEach((k, v) -> all.put(CONFIG + k, v));
        m.environment().forEach((k, v) -> all.put(ENV + k, v));
        return all;
    }

    /** the setting's own name, without the prefix that kept settings and environment facts apart */
    private static String name(String key) {
        return key.startsWith(CONFIG) ? key.substring(CONFIG.length()) : key.substring(ENV.length());
    }

    private static String group(Run run, Map<String, String> settings) {
        return settings.isEmpty() ? run.id() : settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** groups that came out equal (runs alike in everything that differs elsewhere) get their run id appended */
    private static List<Member> unique(List<Member> members) {
        Map<String, Long> counts = members.stream().collect(Collectors.groupingBy(Member::group, Collectors.counting()));
        return members.stream().map(m -> counts.get(m.group()) > 1 && !m.group().equals(m.run().id())
                ? new Member(m.run(), m.group() + " (" + m.run().id() + ")", m.settings()) : m).toList();
    }
}
