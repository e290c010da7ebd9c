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
    /** what separates a strategy listed again (an A/A check) from its listing number: "vectored#2" */
    public static final char REPEAT = '#';

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

    /** a series name for the {@code listing}-th listing of a strategy: "vectored", then "vectored#2", "vectored#3" */
    public static String listed(String strategy, int listing) {
        if (listing < 1) {
            throw new IllegalArgumentException("listings count from 1, got " + listing);
        }
        return listing == 1 ? strategy : strategy + REPEAT + listing;
    }

    /** "vectored" for "vectored#2"; a name without a listing number is its own first listing */
    public static String firstListing(String name) {
        int at = name.indexOf(REPEAT);
        return at < 0 ? name : name.substring(0, at);
    }

    /** 2 for "vectored#2", 1 for "vectored"; a malformed number is refused */
    public static int listing(String name) {
        int at = name.indexOf(REPEAT);
        if (at < 0) {
            return 1;
        }
        try {
            int n = Integer.parseInt(name.substring(at + 1));
            if (n >= 2) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("'" + name + "' is not a strategy listing (e.g. vectored#2)");
    }

    /** the same key (role included) for another strategy: the partner a comparison pairs with */
    public SeriesKey withStrategy(String other) {
        return new SeriesKey(other, network, role, params);
    }
}
