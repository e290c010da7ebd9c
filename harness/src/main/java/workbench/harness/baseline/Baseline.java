package workbench.harness.baseline;

import java.io.IOException;

/**
 * A reference transfer whose sender is not ours — iperf3 moving the same bytes on the same
 * network — measured in the run's own rounds, so each strategy can be stated as a fraction of
 * what the machine moved at that moment. Unverified: it moves bytes, not a guest.
 */
public interface Baseline {
    /** the series name in results ("iperf3", "iperf3-z") */
    String name();

    /** Moves {@code bytes} once and says how long it took on each side. */
    Measured measure(long bytes) throws IOException;
}
