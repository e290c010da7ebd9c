package workbench.harness.baseline;

import java.io.IOException;

/**
 * A reference transfer whose sender or receiver is not ours — iperf3 moving the same bytes, QEMU
 * migrating the same guest — measured in the run's own rounds, so each strategy can be held
 * against what the machine, or QEMU itself, did at that moment.
 */
public interface Baseline extends AutoCloseable {
    /** which reference transfer this is */
    BaselineKind kind();

    /** the series name in results ("iperf3", "qemu-multifd") */
    default String name() {
        return kind().text();
    }

    /**
     * Moves {@code what} once and says how long it took on each side. A transfer that failed in the
     * tool's hands (QEMU refusing the stream) is a Measured with its failure; an IOException means
     * the baseline could not run at all.
     */
    Measured measure(Reference what) throws IOException;

    /** ends what the baseline keeps between trials (nothing by default) */
    @Override
    default void close() throws IOException {
    }
}
