package workbench.harness.stream;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container-level item of a migration stream, in stream order, as the decoder met it. Each
 * knows the byte offset of its type byte. {@code decode --json} writes it as an object of the offset
 * the text form shows, the type and the header fields by name, e.g. {@code {"offset": 17, "type":
 * "SECTION_START", "id": 2, "idstr": "ram", "instance": 0, "version": 4}}; {@link #toArray()} is the
 * array form of the fixtures' {@code expected.json}, e.g. {@code ["SECTION_START", 2, "ram", 0, 4]}.
 * Section ids, instance ids and versions are QEMU's uint32s: they render unsigned.
 */
public sealed interface Section {

    /** offset of the section's type byte in the stream */
    long offset();

    /** QEMU's name of the section type, e.g. {@code SECTION_FULL} */
    String type();

    /** the expected.json array: type name, then the header fields the section carries */
    List<Object> toArray();

    /** decode --json's object: offset, type, then the header fields by name, in {@link #toArray()}'s order */
    @JsonValue
    default Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("offset", offset());
        json.put("type", type());
        List<Object> values = toArray();
        List<String> names = fieldNames();
        for (int i = 1; i < values.size(); i++) {
            json.put(names.get(i - 1), values.get(i));
        }
        return json;
    }

    /** the names of {@link #toArray()}'s fields after the type */
    private List<String> fieldNames() {
        return switch (toArray().size()) {
            case 1 -> List.of();
            case 2 -> List.of(this instanceof Configuration ? "machine" : "id");
            default -> List.of("id", "idstr", "instance", "version");
        };
    }

    /**
     * {@code CONFIGURATION}: the machine type name, the names of any subsections that followed it,
     * and the migration capabilities its capabilities subsection listed (only workbench extensions
     * are accepted: any makes the stream one QEMU cannot read).
     */
    record Configuration(long offset, String machine, List<String> subsections, List<String> capabilities) implements Section {
        public Configuration {
            subsections = List.copyOf(subsections);
            capabilities = List.copyOf(capabilities);
        }

        @Override
        public String type() {
            return "CONFIGURATION";
        }

        @Override
        public List<Object> toArray() {
            return List.of(type(), machine);
        }
    }

    /** {@code SECTION_START}: first part of an iterative ("live") section such as ram. */
    record Start(long offset, int id, String idstr, int instance, int version) implements Section {
        @Override
        public String type() {
            return "SECTION_START";
        }

        @Override
        public List<Object> toArray() {
            return header(type(), id, idstr, instance, version);
        }
    }

    /** {@code SECTION_PART}: one iteration of a started section. */
    record Part(long offset, int id) implements Section {
        @Override
        public String type() {
            return "SECTION_PART";
        }

        @Override
        public List<Object> toArray() {
            return List.of(type(), Integer.toUnsignedLong(id));
        }
    }

    /** {@code SECTION_END}: the last part of a started section. */
    record End(long offset, int id) implements Section {
        @Override
        public String type() {
            return "SECTION_END";
        }

        @Override
        public List<Object> toArray() {
            return List.of(type(), Integer.toUnsignedLong(id));
        }
    }

    /** {@code SECTION_FULL}: a device's whole state in one section. */
    record Full(long offset, int id, String idstr, int instance, int version) implements Section {
        @Override
        public String type() {
            return "SECTION_FULL";
        }

        @Override
        public List<Object> toArray() {
            return header(type(), id, idstr, instance, version);
        }
    }

    /** {@code EOF} (QEMU_VM_EOF): the end of the device state; only a vmdesc may follow. */
    record Eof(long offset) implements Section {
        @Override
        public String type() {
            return "EOF";
        }

        @Override
        public List<Object> toArray() {
            return List.of(type());
        }
    }

    private static List<Object> header(String type, int id, String idstr, int instance, int version) {
        return List.of(type, Integer.toUnsignedLong(id), idstr, Integer.toUnsignedLong(instance),
                Integer.toUnsignedLong(version));
    }
}
