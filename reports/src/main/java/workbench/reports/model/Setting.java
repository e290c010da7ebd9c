package workbench.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * One setting owned by a strategy, peer, socket or workload.
 *
 * @param name   its CLI option name without dashes ("batch", "sndbuf"); the key of {@link RunSettings#texts()}
 * @param kind   what its values are
 * @param owner  who declares and reads it: a strategy ("vectored"), "sender", "receiver", "run", …
 * @param values its values in the CLI's own text form ("32K" or "33554432", "on", "0.034"); several when swept
 */
public record Setting(String name, SettingKind kind, String owner, List<String> values) {
    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        values = List.copyOf(values);
        if (name.isBlank() || values.isEmpty()) {
            throw new IllegalArgumentException("setting '" + name + "' needs a name and at least one value");
        }
    }

    /** a setting with one value */
    public static Setting of(String name, SettingKind kind, String owner, String value) {
        return new Setting(name, kind, owner, List.of(value));
    }

    /** true when the run tried several values, each a series of its own */
    public boolean swept() {
        return values.size() > 1;
    }

    /** the values joined by "," */
    public String text() {
        return String.join(",", values);
    }
}
