package workbench.harness.failure;

/** The workbench's exit codes (DESIGN.md). */
public enum ExitCode {
    OK(0),
    /** the run finished with failed trials, or failed */
    RUN_FAILED(1),
    /** invalid input: options, a malformed stream for decode */
    INVALID_INPUT(2),
    /** environment not ready: privileges, ip, QEMU, port, memory */
    ENVIRONMENT(3),
    /** a bug in the workbench */
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
