package workbench.reports.model;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run's settings: a typed core (RAM, networks, strategies, rounds, statistics) plus the entries
 * each strategy, peer, socket or workload declares, by CLI option name.
 *
 * @param ram        what decides the guest's RAM
 * @param networks   network names, in the order given ("loopback", "null", "link:gbe", …)
 * @param strategies write strategy names, in the order given
 * @param rounds     how many rounds were measured
 * @param statistics how the figures are summarised
 * @param entries    every other setting, in option order; names are unique and none is a core name
 */
public record RunSettings(RamSettings ram, List<String> networks, List<String> strategies, Rounds rounds,
                          StatisticsSettings statistics, List<Setting> entries) {
    /** the names whose values decide the guest's RAM: compare refuses runs that differ in them */
    public static final Set<String> RAM_NAMES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "ram", "blocks", "page-size", "dup", "uniform", "dirty", "layout", "content", "seed")));

    /** the names {@link #texts()} gives the core, in its order ("ci-target" and "max-trials" only when adaptive) */
    public static final List<String> CORE_NAMES = List.of("ram", "blocks", "page-size", "dup", "uniform", "dirty",
            "layout", "content", "seed", "dup-policy", "strategies", "net", "trials", "warmup", "ci-target",
            "max-trials");

    public RunSettings {
        Objects.requireNonNull(ram, "ram");
        networks = List.copyOf(networks);
        strategies = List.copyOf(strategies);
        Objects.requireNonNull(rounds, "rounds");
        Objects.requireNonNull(statistics, "statistics");
        entries = List.copyOf(entries);
        Set<String> names = new HashSet<>(CORE_NAMES);
        for (Setting s : entries) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("setting '" + s.name() + "' is given twice or is a core setting");
            }
        }
    }

    /** the entry of that name */
    public Optional<Setting> entry(String name) {
        return entries.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Every setting as one line of text by its CLI option name, in a stable order: ram, blocks,
     * page-size, dup, uniform, dirty, layout, content, seed, dup-policy, strategies, net, trials,
     * warmup, ci-target and max-trials (adaptive runs only), then the entries in order. Sizes in
     * bytes, fractions as Java prints a double ("0.034", "1.0"), never by the default locale;
     * several values comma-joined. Equal settings give equal text: compare, the HTML report, run
     * ids and {@code --like} read it.
     */
    public Map<String, String> texts() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("ram", join(ram.sizes()));
        t.put("blocks", Integer.toString(ram.blocks()));
        t.put("page-size", Integer.toString(ram.pageSize()));
        t.put("dup", join(ram.dup()));
        t.put("uniform", join(ram.uniform()));
        t.put("dirty", join(ram.dirty()));
        t.put("layout", ram.layout());
        t.put("content", ram.content());
        t.put("seed", Long.toString(ram.seed()));
        t.put("dup-policy", ram.dupPolicy());
        t.put("strategies", String.join(",", strategies));
        t.put("net", String.join(",", networks));
        t.put("trials", Integer.toString(rounds.trials()));
        t.put("warmup", Integer.toString(rounds.warmup()));
        if (rounds.adaptive()) {
            t.put("ci-target", Double.toString(rounds.ciTarget().getAsDouble()));
            t.put("max-trials", Integer.toString(rounds.maxTrials()));
        }
        entries.forEach(s -> t.put(s.name(), s.text()));
        return Collections.unmodifiableMap(t);
    }

    /** numbers as {@code Long.toString} / {@code Double.toString} print them: never by the default locale */
    private static String join(List<? extends Number> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
