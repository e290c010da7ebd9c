package workbench.harness.net.control;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a control session ended, as an ERROR frame names it (lower-case, kebab on the wire). */
public enum ProtocolCode {
    /** the peers speak different protocol versions */
    VERSION,
    /** the token was missing or not proven */
    AUTH,
    /** another client is being served */
    BUSY,
    /** a phase did not finish within its deadline */
    TIMEOUT,
    /** a message out of turn */
    UNEXPECTED,
    /** a frame length outside the cap */
    BAD_FRAME,
    /** the connection closed inside a frame */
    TRUNCATED_FRAME,
    /** a frame whose JSON is not a known message */
    BAD_MESSAGE,
    /** a frame we would write is over the cap (a bug) */
    FRAME_TOO_LARGE,
    /** a guest larger than the receiver's --max-ram */
    RAM_TOO_LARGE,
    /** a trial parameter outside its range */
    BAD_PARAMETER,
    /** no acceptable data connection arrived in time */
    NO_DATA,
    /** the receiver failed for a reason of its own */
    RECEIVER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static ProtocolCode fromWire(String s) {
        for (ProtocolCode c : values()) {
            if (c.wire().equals(s)) {
                return c;
            }
        }
        return RECEIVER; // a newer peer's code: still an error, reported with its message
    }
}
