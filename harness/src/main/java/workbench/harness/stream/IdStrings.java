package workbench.harness.stream;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The stream's counted strings (u8 length + bytes): decoded strictly, shown safely in errors. */
final class IdStrings {
    private IdStrings() {
    }

    /** {@code s} for a message: at most {@link #SHOWN} characters (a decoded idstr is up to 255 bytes). */
    static String shown(String s) {
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "… (" + s.length() + " chars)";
    }

    /** Strict UTF-8 without NUL (QEMU's idstrs are C strings): anything else is malformed. */
    static String decode(long at, String what, byte[] bytes, int len) throws StreamFormatException {
        for (int i = 0; i < len; i++) {
            if (bytes[i] == 0) {
                throw new StreamFormatException(at, what + " without NUL bytes", "'" + printable(bytes, len) + "'");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
            throw new StreamFormatException(at, what + " in UTF-8", "'" + printable(bytes, len) + "'");
        }
    }

    /** the most characters {@link #printable} shows: an idstr can be 255 bytes of \xNN */
    static final int SHOWN = 40;

    /**
     * Printable ASCII as is, every other byte as \xNN; for messages, so at most about
     * {@link #SHOWN} characters, then "…" and the full length in bytes.
     */
    static String printable(byte[] bytes, int len) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < len; i++) {
            if (s.length() >= SHOWN) {
                return s.append("… (").append(len).append(" bytes)").toString();
            }
            int c = bytes[i] & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                s.append((char) c);
            } else {
                s.append(String.format("\\x%02x", c));
            }
        }
        return s.toString();
    }
}
