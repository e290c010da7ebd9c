package workbench.harness.trial;

import java.util.Map;
import java.util.TreeMap;
import workbench.harness.net.Network;
import workbench.harness.strategy.Strategies;
import workbench.harness.strategy.WriteStrategy;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.SeriesRole;

/**
 * A series of one of our write strategies.
 *
 * @param listing which listing of the strategy in --strategies this is: 2 for the second
 *                "vectored" of {@code vectored,vectored} (an A/A check), a series of its own named "vectored#2"
 */
public record StrategySeries(Network network, WriteStrategy strategy, int listing, int variantIndex, Variant variant)
        implements SeriesPlan {
    public StrategySeries {
        SeriesKey.listed(strategy.name(), listing); // refuses a listing below 1
    }

    /** the first (usually only) listing of a strategy */
    public StrategySeries(Network network, WriteStrategy strategy, int variantIndex, Variant variant) {
        this(network, strategy, 1, variantIndex, variant);
    }

    /** the series a name such as "vectored" or "vectored#2" stands for */
    public static StrategySeries named(Network network, String name, int variantIndex, Variant variant) {
        return new StrategySeries(network, Strategies.byName(SeriesKey.firstListing(name)), SeriesKey.listing(name),
                variantIndex, variant);
    }

    /** "vectored", or "vectored#2" for its second listing */
    public String name() {
        return SeriesKey.listed(strategy.name(), listing);
    }

    /** A swept setting that only other strategies read does not split this one's series (vectored has no linear buffer, scalar no batch). */
    @Override
    public SeriesKey key(SeriesRole role) {
        Map<String, String> params = new TreeMap<>(variant.params());
        params.keySet().removeIf(name -> Strategies.settings().contains(name) && !strategy.settings().contains(name));
        return new SeriesKey(name(), network.label(), role, params);
    }
}
