package workbench.reports.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a series is timed and verified. Written to run.json in lower case ("strategy", …). */
public enum SeriesRole {
    /** a write strategy under test: timed on the sender's clock, the receiver's RAM digest checked */
    STRATEGY("a write strategy under test, timed and verified against the receiver's RAM"),
    /** a reference the strategies are measured against (e.g. QEMU's own migration), verified */
    BASELINE("a reference measurement the strategies are compared with, verified"),
    /** the fastest the path can go (e.g. a plain copy of the bytes): timed and verified, never a contender */
    CEILING("an upper bound on what the path can carry, timed and verified, not a contender"),
    /** nobody checked the RAM it sent (the null network): shown apart, never mixed with verified figures */
    UNVERIFIED("no receiver checked the RAM it sent; shown apart from verified figures");

    private final String description;

    SeriesRole(String description) {
        this.description = description;
    }

    /** one sentence for legends and the schema */
    public String description() {
        return description;
    }

    /** the name as run.json writes it: lower case */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** reads "strategy" or "STRATEGY" */
    @JsonCreator
    public static SeriesRole of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
