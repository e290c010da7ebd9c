package workbench.reports.compare;

/** Runs that cannot share one comparison (their guest RAM differs); the message is one line. */
public final class IncomparableRunsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public IncomparableRunsException(String message) {
        super(message);
    }
}
