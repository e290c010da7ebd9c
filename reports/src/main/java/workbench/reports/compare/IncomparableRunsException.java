package workbench.reports.compare;

/** Runs that cannot share one comparison (their guest RAM or their workload differs); the message is one line. */
public final class IncomparableRunsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** what the user can do instead, one clause */
    private final String fix;

    public IncomparableRunsException(String message, String fix) {
        super(message);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
