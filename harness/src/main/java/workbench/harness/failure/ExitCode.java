package workbench.harness.failure;

/** The workbench's exit codes (DESIGN.md); every command's help lists them with their meaning. */
public enum ExitCode {
    OK(0, "success"),
    /** the run finished with failed trials, or failed */
    RUN_FAILED(1, "the run failed, or finished with failed trials (run.json says which)"),
    /** invalid input: options, a malformed stream for decode */
    INVALID_INPUT(2, "invalid input: an option, a file, a malformed stream"),
    /** environment not ready: privileges, ip, QEMU, port, memory */
    ENVIRONMENT(3, "environment not ready: root, iproute2, QEMU, a port, memory"),
    /** a bug in the workbench */
    INTERNAL(4, "internal error, a bug in the workbench (--verbose shows where)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** one line for a help's exit-code list */
    public String meaning() {
        return meaning;
    }
}
