package workbench.harness.fuzz;

import java.lang.management.ManagementFactory;

/** The heap the current thread allocates, to bound what one fuzz input may cost. */
final class Heap {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Heap() {
    }

    /** bytes allocated by this thread so far (monotonic), or -1 where the JVM cannot tell */
    static long allocated() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled()
                ? THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) : -1;
    }

    /** bytes allocated by this thread since {@code before} (from {@link #allocated}), 0 where the JVM cannot tell */
    static long since(long before) {
        long after = allocated();
        return before < 0 || after < 0 ? 0 : after - before;
    }

    /** Fails if {@code used} bytes of heap exceed {@code limit}. */
    static void check(String what, long limit, long used, int inputBytes) {
        if (used > limit) {
            throw new AssertionError(what + " allocated " + used + " bytes of heap for a " + inputBytes
                    + "-byte input (at most " + limit + ")");
        }
    }
}
