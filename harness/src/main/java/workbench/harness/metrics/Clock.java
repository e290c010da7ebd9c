package workbench.harness.metrics;

/** Where trials read the time: the system's monotonic clock, or a test's. */
@FunctionalInterface
public interface Clock {
    Clock SYSTEM = System::nanoTime;

    /** monotonic nanoseconds, as {@link System#nanoTime} */
    long nanoTime();
}
