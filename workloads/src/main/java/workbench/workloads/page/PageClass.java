package workbench.workloads.page;

/** What a synthetic page holds. */
public enum PageClass {
    /** every byte 0: a dup page under either policy */
    ZERO,
    /** every byte one non-zero value: dup under {@link DupPolicy#UNIFORM}, nodup under {@link DupPolicy#ZERO} */
    UNIFORM,
    /** the content model's bytes (random by default): always nodup */
    OTHER
}
