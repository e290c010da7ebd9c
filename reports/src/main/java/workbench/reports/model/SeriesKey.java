package workbench.reports.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a trial belongs to: every setting that varies in a run. Trials with equal keys form one
 * series and are summarised together.
 *
 * @param strategy the write strategy (scalar, vectored, …)
 * @param network  the network name (loopback, unix, link:gbe, …)
 * @param role     how the series is timed and verified
 * @param params   any other setting swept in the run, by option name (sorted; empty when none)
 */
public record SeriesKey(String strategy, String network, SeriesRole role, Map<String, String> params) {
    /** the network on which nobody receives, so nothing is verified */
    public static final String NULL_NETWORK = "null";

    public SeriesKey {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(role, "role");
        params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** a key whose role follows from the network: {@link SeriesRole#UNVERIFIED} on "null", else {@link SeriesRole#STRATEGY} */
    public SeriesKey(String strategy, String network, Map<String, String> params) {
        this(strategy, network, defaultRole(network), params);
    }

    /** a key without swept parameters, its role by the same rule as {@link #SeriesKey(String, String, Map)} */
    public static SeriesKey of(String strategy, String network) {
        return new SeriesKey(strategy, network, Map.of());
    }

    /** the role a series on {@code network} has unless said otherwise */
    public static SeriesRole defaultRole(String network) {
        return NULL_NETWORK.equals(network) ? SeriesRole.UNVERIFIED : SeriesRole.STRATEGY;
    }

    /** "network strategy" plus "k=v" for every swept parameter, for tables and legends */
    public String label() {
        String swept = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return (network + " " + strategy + (swept.isEmpty() ? "" : " " + swept));
    }

    /** the same key (role included) for another strategy: the partner a comparison pairs with */
    public SeriesKey withStrategy(String other) {
        return new SeriesKey(other, network, role, params);
    }
}
