package workbench.harness.baseline;

import workbench.reports.model.Cpu;

/**
 * One reference transfer, as the tool itself timed it.
 *
 * @param sendSeconds    the sender's time to hand over every byte
 * @param receiveSeconds the receiver's measured time
 * @param sentBytes      bytes the sender handed over
 * @param receivedBytes  bytes the receiver counted in its measured time (iperf3 stops counting when the
 *                       test ends, a few percent short of what was sent)
 * @param sender         the sending side's CPU
 * @param receiver       the receiving side's CPU
 */
public record Measured(double sendSeconds, double receiveSeconds, long sentBytes, long receivedBytes, Cpu sender,
                       Cpu receiver) {
    /** the receiver's time for {@code bytes} at the rate it measured: the ceiling's transfer time for a stream of that length */
    public double receiveSecondsFor(long bytes) {
        return receivedBytes > 0 ? receiveSeconds * bytes / receivedBytes : Double.NaN;
    }
}
