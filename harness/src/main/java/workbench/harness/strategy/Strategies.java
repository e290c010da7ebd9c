package workbench.harness.strategy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The registry of write strategies: the one list a new strategy joins. */
public final class Strategies {
    private static final List<WriteStrategy> ALL = List.of(new ScalarStrategy(), new VectoredStrategy(),
            SendfileStrategy.PAGES, SendfileStrategy.RUNS, new MultifdStrategy());

    private Strategies() {
    }

    public static List<WriteStrategy> all() {
        return ALL;
    }

    public static WriteStrategy byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(s -> s.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown write strategy '" + name + "' (known: " + names() + ")"));
    }

    /** "scalar, vectored" */
    public static String names() {
        return ALL.stream().map(WriteStrategy::name).collect(Collectors.joining(", "));
    }

    /** every setting some strategy reads: a swept one splits only the series of strategies that read it */
    public static Set<String> settings() {
        Set<String> all = new LinkedHashSet<>();
        ALL.forEach(s -> all.addAll(s.settings()));
        return all;
    }
}
