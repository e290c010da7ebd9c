package workbench.harness.net.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an emulated link looks like: a rate (0 = unshaped), an MTU, and optionally a congestion
 * control for both of its namespaces. Only rate and MTU are emulated: no delay, no loss (netem is
 * missing on this kernel, DESIGN.md "Networks").
 *
 * <p>Specs: the presets {@code link:gbe}, {@code link:10gbe}, {@code link:ipoib},
 * {@code link:ipoib-sdr}; a custom {@code link:rate=2.5gbit,mtu=9000,cc=reno} (every key optional:
 * no rate = unshaped, MTU 1500, no cc = the system's); or a preset with overrides,
 * {@code link:gbe,cc=reno}.
 *
 * @param name              the spec after {@code link:}, canonical (e.g. {@code gbe}, {@code rate=2.5gbit,mtu=9000,cc=reno})
 * @param rateBitsPerSecond decimal bits per second; 0 = unshaped
 * @param mtu               on both veth ends, 68..65535
 * @param congestionControl set in both namespaces when present; otherwise they keep the kernel default
 */
public record LinkProfile(String name, long rateBitsPerSecond, int mtu, Optional<CongestionControl> congestionControl) {

    public static final String PREFIX = "link:";
    public static final int MIN_MTU = 68;
    public static final int MAX_MTU = 65535;
    public static final int DEFAULT_MTU = 1500;

    /** GbE-like: 1 Gbit/s, MTU 1500. */
    public static final LinkProfile GBE = new LinkProfile("gbe", 1_000_000_000L, 1500, Optional.empty());
    /** 10 GbE with jumbo frames: 10 Gbit/s, MTU 9000. */
    public static final LinkProfile TEN_GBE = new LinkProfile("10gbe", 10_000_000_000L, 9000, Optional.empty());
    /** IPoIB-like: unshaped (faster than the sender's CPU path), MTU 65520. */
    public static final LinkProfile IPOIB = new LinkProfile("ipoib", 0, 65520, Optional.empty());
    /** IB SDR 4x data rate: 8 Gbit/s, MTU 65520. */
    public static final LinkProfile IPOIB_SDR = new LinkProfile("ipoib-sdr", 8_000_000_000L, 65520, Optional.empty());

    private static final List<LinkProfile> PRESETS = List.of(GBE, TEN_GBE, IPOIB, IPOIB_SDR);

    /** The accepted forms, for error messages and --help. */
    public static final String FORMS = "link:gbe, link:10gbe, link:ipoib, link:ipoib-sdr, or link:rate=<rate>,mtu="
            + MIN_MTU + ".." + MAX_MTU + ",cc=" + CongestionControl.choices()
            + " (each key optional; rate like 800kbit, 100mbit, 2.5gbit; a preset may take overrides, e.g. link:gbe,cc=reno)";

    public LinkProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(congestionControl, "congestionControl");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a link profile needs a name");
        }
        if (rateBitsPerSecond < 0) {
            throw new IllegalArgumentException("link rate cannot be negative: " + rateBitsPerSecond);
        }
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw new IllegalArgumentException("MTU " + mtu + " is outside " + MIN_MTU + ".." + MAX_MTU);
        }
    }

    public static List<LinkProfile> presets() {
        return PRESETS;
    }

    /**
     * Parses a link spec such as {@code link:gbe} or {@code link:rate=2.5gbit,mtu=9000,cc=reno}.
     *
     * @throws IllegalArgumentException one line saying what is wrong and naming the accepted forms
     */
    public static LinkProfile parse(String spec) {
        String text = spec.strip();
        if (!text.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            throw bad(spec, "it does not start with '" + PREFIX + "'");
        }
        List<String> tokens = List.of(text.substring(PREFIX.length()).toLowerCase(Locale.ROOT).split(",", -1));
        LinkProfile base = null;
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i).strip();
            if (token.isEmpty()) {
                throw bad(spec, tokens.size() == 1 ? "nothing after '" + PREFIX + "'" : "an empty item between commas");
            }
            int eq = token.indexOf('=');
            if (eq < 0) {
                if (i > 0) {
                    throw bad(spec, "'" + token + "' is not key=value (a preset name may only come first)");
                }
                base = preset(token).orElseThrow(() -> bad(spec, "unknown preset '" + token + "'"));
                continue;
            }
            String key = token.substring(0, eq).strip();
            String value = token.substring(eq + 1).strip();
            if (!List.of("rate", "mtu", "cc").contains(key)) {
                throw bad(spec, "unknown key '" + key + "' (keys: rate, mtu, cc)");
            }
            if (keys.putIfAbsent(key, value) != null) {
                throw bad(spec, "'" + key + "' is given twice");
            }
        }
        return build(spec, base, keys);
    }

    private static LinkProfile build(String spec, LinkProfile base, Map<String, String> keys) {
        long rate = base == null ? 0 : base.rateBitsPerSecond;
        int mtu = base == null ? DEFAULT_MTU : base.mtu;
        Optional<CongestionControl> cc = base == null ? Optional.empty() : base.congestionControl;
        try {
            if (keys.containsKey("rate")) {
                rate = Rate.parse(keys.get("rate")).bitsPerSecond();
            }
            if (keys.containsKey("mtu")) {
                mtu = parseMtu(keys.get("mtu"));
            }
            if (keys.containsKey("cc")) {
                cc = Optional.of(CongestionControl.parse(keys.get("cc")));
            }
        } catch (IllegalArgumentException e) {
            throw bad(spec, e.getMessage());
        }
        List<String> parts = new ArrayList<>();
        if (base != null) {
            parts.add(base.name);
        }
        if (base == null || keys.containsKey("rate")) {
            if (rate > 0) {
                parts.add("rate=" + new Rate(rate).spec());
            }
        }
        if (base == null || keys.containsKey("mtu")) {
            parts.add("mtu=" + mtu);
        }
        if (keys.containsKey("cc")) {
            parts.add("cc=" + cc.orElseThrow().sysctlName());
        }
        return new LinkProfile(String.join(",", parts), rate, mtu, cc);
    }

    private static int parseMtu(String value) {
        try {
            int mtu = Integer.parseInt(value);
            if (mtu >= MIN_MTU && mtu <= MAX_MTU) {
                return mtu;
            }
        } catch (NumberFormatException e) {
            // fall through to the one message
        }
        throw new IllegalArgumentException("bad MTU '" + value + "': expected a whole number of bytes in " + MIN_MTU + ".." + MAX_MTU);
    }

    private static Optional<LinkProfile> preset(String name) {
        return PRESETS.stream().filter(p -> p.name.equals(name)).findFirst();
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("bad link spec '" + spec + "': " + why + "; accepted: " + FORMS);
    }

    public Rate rate() {
        return new Rate(rateBitsPerSecond);
    }

    public boolean shaped() {
        return rateBitsPerSecond > 0;
    }

    /** {@code link:gbe}: what the user typed, canonical; parses back to this profile. */
    public String label() {
        return PREFIX + name;
    }

    /** E.g. "1 Gbit/s tbf, MTU 1500, rate and MTU only (no delay or loss: netem is missing)". */
    public String description() {
        StringBuilder s = new StringBuilder(shaped() ? rate() + " tbf" : "unshaped veth");
        s.append(", MTU ").append(mtu);
        congestionControl.ifPresent(cc -> s.append(", congestion control ").append(cc.sysctlName()));
        return s.append(", rate and MTU only (no delay or loss: netem is missing)").toString();
    }

    @Override
    public String toString() {
        return label();
    }
}
