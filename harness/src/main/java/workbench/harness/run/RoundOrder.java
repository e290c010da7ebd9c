package workbench.harness.run;

import java.util.Locale;

/** How the series of one round are ordered (--order). */
public enum RoundOrder {
    /** plan order, reversed every other measured round (A B, B A, …): drift and warm-up hit all alike */
    ALTERNATE,
    /** a fresh seeded shuffle every round (Abedi &amp; Brecht 2017): no series keeps a position in the round */
    RANDOM;

    /** the settings entry and option name */
    public static final String SETTING = "order";
    /** the settings entry and option name of the shuffle's seed */
    public static final String SEED_SETTING = "order-seed";

    /** "alternate" or "random", as the option takes it and the manifest records it */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RoundOrder parse(String text) {
        for (RoundOrder o : values()) {
            if (o.text().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new IllegalArgumentException("--order must be alternate or random, got '" + text + "'");
    }
}
