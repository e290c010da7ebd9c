package workbench.reports.json;

/**
 * A file that is not a run.json this workbench can read: malformed, without a schema, or written
 * by a newer workbench. The message is one line naming the file and what to do.
 */
public final class RunFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RunFileException(String message) {
        super(message);
    }

    public RunFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
