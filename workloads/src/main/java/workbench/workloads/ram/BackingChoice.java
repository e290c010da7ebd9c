package workbench.workloads.ram;

import java.util.Arrays;
import java.util.Locale;

/** Where the user asked guest RAM to live ({@code --backing auto|direct|shm}). */
public enum BackingChoice {
    /** the backing {@link RamBacking#forSize} picks: direct memory while it fits well, /dev/shm beyond */
    AUTO,
    /** direct memory, refused beyond the JVM's direct-memory cap */
    DIRECT,
    /** a file per block in /dev/shm, refused beyond its free space */
    SHM;

    /** {@code auto}, {@code direct} or {@code shm}, in any case. */
    public static BackingChoice parse(String name) {
        for (BackingChoice c : values()) {
            if (c.name().equals(name.toUpperCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown RAM backing '" + name + "'; use one of "
                + Arrays.stream(values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }

    /**
     * The backing for {@code totalBytes} of guest RAM (all guests this process holds at once),
     * checked to have room: throws IllegalStateException, with the fix in its message, if not.
     */
    public RamBacking resolve(long totalBytes) {
        RamBacking backing = pick(totalBytes);
        backing.checkRoom(totalBytes);
        return backing;
    }

    /** The backing for {@code totalBytes} of guest RAM, not yet checked to have room. */
    public RamBacking pick(long totalBytes) {
        return switch (this) {
            case AUTO -> RamBacking.forSize(totalBytes);
            case DIRECT -> RamBacking.DIRECT;
            case SHM -> RamBacking.SHM;
        };
    }
}
