package workbench.reports.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a {@link Setting}'s values are. Written to run.json in lower case ("size", …). */
public enum SettingKind {
    /** a size in bytes, in the CLI's form: "32768", "32K", or a word such as "auto" where the option takes one */
    SIZE,
    /** a whole number: "128" */
    INTEGER,
    /** a share, 0..1 or a percentage as typed: "0.034", "3.4%" */
    FRACTION,
    /** one of a fixed set of words: "zero", "uniform" */
    ENUM,
    /** a time: "2s", "500ms" */
    DURATION,
    /** on or off: "on", "off" */
    FLAG,
    /** anything else, kept as text */
    TEXT;

    /** the name as run.json writes it: lower case */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** reads "size" or "SIZE" */
    @JsonCreator
    public static SettingKind of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
