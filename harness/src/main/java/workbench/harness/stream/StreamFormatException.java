package workbench.harness.stream;

/**
 * The stream breaks the format: where, what was expected, what was found. The message is one
 * short line whatever the stream holds: {@code expected} and {@code found} are each cut to
 * {@link #MAX_PART} characters (a stream can make them arbitrarily long otherwise), so a message
 * names the first offending item, never all of them.
 */
public class StreamFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    /** the longest {@code expected} or {@code found} kept; a message is at most about 300 characters */
    static final int MAX_PART = 130;
    private final long offset;
    private final String expected;
    private final String found;

    public StreamFormatException(long offset, String expected, String found) {
        super("malformed stream at offset " + offset + ": expected " + cap(expected) + ", found " + cap(found));
        this.offset = offset;
        this.expected = cap(expected);
        this.found = cap(found);
    }

    public long offset() {
        return offset;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    /** {@code s} if short, else its head and an ellipsis with the length cut. */
    static String cap(String s) {
        return cap(s, MAX_PART);
    }

    static String cap(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        String tail = "… (" + s.length() + " chars)";
        return s.substring(0, Math.max(0, max - tail.length())) + tail;
    }
}
