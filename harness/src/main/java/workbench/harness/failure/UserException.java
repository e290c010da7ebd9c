package workbench.harness.failure;

/** A failure the user can fix: one line of what, one hint of how, and the exit code. */
public final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;
    private final ExitCode exitCode;

    public UserException(String what, String hint, ExitCode exitCode) {
        super(what);
        this.hint = hint;
        this.exitCode = exitCode;
    }

    public String hint() {
        return hint;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** "workbench: error: what; hint" */
    public String line() {
        return "workbench: error: " + getMessage() + (hint.isEmpty() ? "" : "; " + hint);
    }
}
