package workbench.harness.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import workbench.harness.net.Network;

/**
 * The open sites of a run, one per network, with what the manifest records of each. Closed
 * together in reverse order of opening: sites before their children, children before links.
 */
public final class SiteSet implements AutoCloseable {
    private final Map<String, Site> sites = new LinkedHashMap<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final Map<String, String> nominal = new LinkedHashMap<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** Adds {@code network}'s site; {@code description} is what the manifest says of the network. */
    public void add(Network network, Site site, String description) {
        sites.put(network.label(), closeLater(site));
        facts.put("network." + network.label(), description);
    }

    /** a fact the manifest records of a network ("network.LABEL.KEY") */
    public void fact(Network network, String key, String value) {
        facts.put("network." + network.label() + "." + key, value);
    }

    /** the rate a network promises (an emulated link's tbf), printed beside the rate it achieved */
    public void nominal(Network network, String description) {
        nominal.put(network.label(), description);
    }

    /** Closes {@code resource} with the set, before everything opened earlier. */
    public <T extends AutoCloseable> T closeLater(T resource) {
        toClose.add(0, resource);
        return resource;
    }

    public Site of(Network network) {
        Site s = sites.get(network.label());
        if (s == null) {
            throw new IllegalArgumentException("no site opened for network " + network.label());
        }
        return s;
    }

    public Map<String, String> facts() {
        return Map.copyOf(facts);
    }

    public Map<String, String> nominal() {
        return Map.copyOf(nominal);
    }

    @Override
    public void close() {
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                // closing is best effort: a receiver already gone needs nothing more
            }
        }
        toClose.clear();
    }
}
