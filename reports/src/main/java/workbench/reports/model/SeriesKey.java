package workbench.reports.model;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a trial belongs to: every setting that varies in a run. Trials with equal keys form one
 * series and are summarised together.
 *
 * @param strategy the write strategy (scalar, vectored, …)
 * @param network  the network name (loopback, unix, link:gbe, …)
 * @param params   any other setting swept in the run, by option name (sorted; empty when none)
 */
public record SeriesKey(String strategy, String network, Map<String, String> params) {
    public SeriesKey {
        params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    public static SeriesKey of(String strategy, String network) {
        return new SeriesKey(strategy, network, Map.of());
    }

    /** "network strategy" plus "k=v" for every swept parameter, for tables and legends */
    public String label() {
        String swept = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return (network + " " + strategy + (swept.isEmpty() ? "" : " " + swept));
    }

    /** the same key for another strategy: the partner a comparison pairs with */
    public SeriesKey withStrategy(String other) {
        return new SeriesKey(other, network, params);
    }
}
