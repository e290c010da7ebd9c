package workbench.harness.net;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a data connection travels. */
public enum Transport {
    TCP,
    UNIX;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Transport fromWire(String s) {
        for (Transport t : values()) {
            if (t.wire().equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown data transport '" + s + "' (known: tcp, unix)");
    }
}
