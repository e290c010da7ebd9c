package workbench.reports.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a trial ended. Only VERIFIED trials enter statistics. Written to run.json in lower case
 * ("verified"); read in either case (schema 1 wrote "VERIFIED").
 */
public enum TrialStatus {
    /** the receiver's RAM digest equalled the sender's */
    VERIFIED,
    /** no receiver could check it (the null network): shown, labelled, never mixed into verified comparisons */
    UNVERIFIED,
    /** the transfer broke or the digests differed: reported, never averaged */
    FAILED;

    /** the name as run.json writes it: lower case */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** reads "verified" or "VERIFIED" */
    @JsonCreator
    public static TrialStatus of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
