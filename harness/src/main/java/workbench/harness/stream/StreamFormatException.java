package workbench.harness.stream;

/** The stream breaks the format: where, what was expected, what was found. */
public final class StreamFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long offset;
    private final String expected;
    private final String found;

    public StreamFormatException(long offset, String expected, String found) {
        super("malformed stream at offset " + offset + ": expected " + expected + ", found " + found);
        this.offset = offset;
        this.expected = expected;
        this.found = found;
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
}
