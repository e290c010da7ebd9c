package workbench.workloads.page;

/** The bytes of pages of class {@link PageClass#OTHER}. */
public enum Content {
    /** seeded pseudo-random bytes: incompressible, like encrypted or compressed data */
    RANDOM,
    /** a page-unique 8-byte counter pattern: compressible, never uniform */
    COUNTER
}
