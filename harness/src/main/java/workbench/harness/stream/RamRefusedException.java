package workbench.harness.stream;

/**
 * The stream is well formed so far but declares RAM this decoder will not or cannot hold: more
 * than its limit ({@code decode --max-ram}), or more than the machine could allocate. Raised at
 * the MEM_SIZE record, before anything of that size is allocated.
 */
public final class RamRefusedException extends StreamFormatException {
    private static final long serialVersionUID = 1L;
    private final boolean environment;

    /** @param environment true when the allocation failed (no room), false when the limit refused it */
    public RamRefusedException(long offset, String expected, String found, boolean environment) {
        super(offset, expected, found);
        this.environment = environment;
    }

    /** true: the machine had no room for RAM within the limit; false: the limit itself refused it */
    public boolean environment() {
        return environment;
    }

    RamRefusedException at(long offset) {
        RamRefusedException moved = new RamRefusedException(offset, expected(), found(), environment);
        moved.initCause(this);
        return moved;
    }
}
