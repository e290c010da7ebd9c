package workbench.reports.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;
import workbench.reports.model.RamSettings;
import workbench.reports.model.Rounds;
import workbench.reports.model.RunSettings;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.Setting;
import workbench.reports.model.SettingKind;
import workbench.reports.model.StatisticsSettings;

/**
 * Reads schema 1 by rewriting its tree into schema 2: the manifest's untyped {@code configuration}
 * and top-level {@code seed} become {@code settings}, upper-case statuses lower-case, and every
 * series gets the role its network implies ({@code unverified} on "null", else {@code strategy}).
 */
final class SchemaOne {
    /** the schema-1 options that are not in the typed core: kind and owner, in option order */
    private record Known(SettingKind kind, String owner) {
    }

    private static final Map<String, Known> KNOWN = Map.of(
            "batch", new Known(SettingKind.INTEGER, "vectored"),
            "scalar-buffer", new Known(SettingKind.SIZE, "scalar"),
            "staging-buffer", new Known(SettingKind.SIZE, "vectored"),
            "read-buffer", new Known(SettingKind.SIZE, "receiver"),
            "tcp-nodelay", new Known(SettingKind.FLAG, "sender"),
            "sndbuf", new Known(SettingKind.SIZE, "sender"),
            "rcvbuf", new Known(SettingKind.SIZE, "receiver"));

    /** owner of schema-1 options this reader does not know */
    static final String UNKNOWN_OWNER = "run";

    private final String source;

    private SchemaOne(String source) {
        this.source = source;
    }

    /** rewrites a schema-1 tree in place into a schema-2 tree */
    static void upgrade(ObjectNode run, ObjectMapper mapper, String source) {
        new SchemaOne(source).rewrite(run, mapper);
    }

    private void rewrite(ObjectNode run, ObjectMapper mapper) {
        if (run.get("manifest") instanceof ObjectNode manifest) {
            RunSettings settings = settings(manifest);
            ObjectNode upgraded = mapper.createObjectNode();
            upgraded.set("commandLine", manifest.get("commandLine"));
            upgraded.set("workbench", manifest.get("workbench"));
            upgraded.set("settings", mapper.valueToTree(settings));
            upgraded.set("environment", manifest.get("environment"));
            run.set("manifest", upgraded);
        }
        for (JsonNode trial : run.path("trials")) {
            if (trial instanceof ObjectNode t) {
                if (t.get("status") != null && t.get("status").isTextual()) {
                    t.put("status", t.get("status").asText().toLowerCase(Locale.ROOT));
                }
                if (t.get("series") instanceof ObjectNode series && !series.has("role")) {
                    series.put("role", SeriesKey.defaultRole(series.path("network").asText()).json());
                }
            }
        }
    }

    private RunSettings settings(ObjectNode manifest) {
        JsonNode c = manifest.get("configuration");
        if (c == null || !c.isObject()) {
            throw refuse("the manifest has no \"configuration\" object");
        }
        long seed = manifest.has("seed") ? manifest.get("seed").asLong() : required(c, "seed").asLong();
        RamSettings ram = new RamSettings(
                texts(required(c, "ram")).stream().map(this::bytes).toList(),
                blocks(required(c, "blocks")),
                (int) bytes(required(c, "page-size").asText()),
                fractions(required(c, "dup")), fractions(required(c, "uniform")), fractions(required(c, "dirty")),
                required(c, "layout").asText(), required(c, "content").asText(), seed,
                required(c, "dup-policy").asText());
        int trials = whole(required(c, "trials"), "trials");
        int warmup = whole(required(c, "warmup"), "warmup");
        Rounds rounds = c.hasNonNull("ci-target")
                ? new Rounds(trials, warmup, OptionalDouble.of(fraction(c.get("ci-target").asText())),
                        c.hasNonNull("max-trials") ? whole(c.get("max-trials"), "max-trials") : trials)
                : Rounds.fixed(trials, warmup);
        List<Setting> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : c.properties()) {
            if (RunSettings.CORE_NAMES.contains(e.getKey())) {
                continue;
            }
            Known known = KNOWN.getOrDefault(e.getKey(), new Known(SettingKind.TEXT, UNKNOWN_OWNER));
            List<String> values = elements(e.getValue());
            if (known.kind() == SettingKind.FLAG) {
                values = values.stream().map(v -> v.equals("true") ? "on" : v.equals("false") ? "off" : v).toList();
            }
            entries.add(new Setting(e.getKey(), known.kind(), known.owner(), values.isEmpty() ? List.of("") : values));
        }
        return new RunSettings(ram, texts(required(c, "net")), texts(required(c, "strategies")), rounds,
                StatisticsSettings.DEFAULT, entries);
    }

    private JsonNode required(JsonNode configuration, String name) {
        JsonNode v = configuration.get(name);
        if (v == null || v.isNull()) {
            throw refuse("the configuration has no \"" + name + "\"");
        }
        return v;
    }

    /** a value's text, or each element's when a list */
    private static List<String> elements(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> out.add(text(v)));
        } else {
            out.add(text(value));
        }
        return out;
    }

    /** a core value's text, or each element's when a list or a comma list in one string ("loopback,null") */
    private static List<String> texts(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> out.add(text(v)));
        } else if (value.isTextual() && value.asText().contains(",")) {
            for (String part : value.asText().split(",")) {
                out.add(part.strip());
            }
        } else {
            out.add(text(value));
        }
        return out;
    }

    /** a scalar as it was written; an object as "{k=v, …}" sorted by key */
    private static String text(JsonNode value) {
        if (value.isObject()) {
            Map<String, String> sorted = new TreeMap<>();
            value.properties().forEach(e -> sorted.put(e.getKey(), text(e.getValue())));
            return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value.isArray()) {
            return String.join(",", elements(value));
        }
        return value.asText();
    }

    /** schema 1 wrote a count, or (early files) the blocks themselves as [{name, length}] */
    private int blocks(JsonNode value) {
        return value.isArray() ? value.size() : whole(value, "blocks");
    }

    private int whole(JsonNode value, String name) {
        try {
            return Integer.parseInt(value.asText().strip());
        } catch (NumberFormatException e) {
            throw refuse("\"" + name + "\" is not a whole number: " + value.asText());
        }
    }

    private List<Double> fractions(JsonNode value) {
        return texts(value).stream().map(this::fraction).toList();
    }

    /** "0.034" or "3.4%" */
    private double fraction(String text) {
        String t = text.strip();
        try {
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw refuse("not a fraction: " + text);
        }
    }

    /** "8388608", or a binary size as typed: "32K", "512M", "8G", "1T" */
    private long bytes(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        int shift = t.isEmpty() ? 0 : switch (t.charAt(t.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> 0;
        };
        try {
            return Long.parseLong(shift == 0 ? t : t.substring(0, t.length() - 1)) << shift;
        } catch (NumberFormatException e) {
            throw refuse("not a size in bytes: " + text);
        }
    }

    private RunFileException refuse(String why) {
        return new RunFileException(source + ": run.json schema 1 cannot be read: " + why
                + "; was it written by this workbench?");
    }
}
