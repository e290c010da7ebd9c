package workbench.harness.baseline;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import workbench.reports.model.Cpu;
import workbench.reports.model.QemuFigures;
import workbench.workloads.ram.RamDigest;

/**
 * One reference transfer, as it was timed.
 *
 * @param sendSeconds    the sender's time to hand over every byte
 * @param receiveSeconds the receiver's measured time
 * @param sentBytes      bytes the sender handed over
 * @param receivedBytes  bytes the receiver counted in its measured time (iperf3 stops counting when the
 *                       test ends, a few percent short of what was sent)
 * @param sender         the sending side's CPU
 * @param receiver       the receiving side's CPU
 * @param failure        why the transfer failed, in the words of whoever failed (QEMU's)
 * @param digest         the receiver's RAM digest afterwards; empty when nothing checks (iperf3: bytes, not a guest)
 * @param dupPages       pages sent as fill records, where the sender tells
 * @param nodupPages     pages sent whole, where the sender tells
 * @param qemu           what a QEMU source's query-migrate reported
 * @param senderPeakRss  the sending process's peak resident memory, where known
 * @param receiverPeakRss the receiving process's, where known
 */
public record Measured(double sendSeconds, double receiveSeconds, long sentBytes, long receivedBytes, Cpu sender, Cpu receiver,
                       Optional<String> failure, List<RamDigest.BlockDigest> digest, long dupPages, long nodupPages,
                       Optional<QemuFigures> qemu, OptionalLong senderPeakRss, OptionalLong receiverPeakRss) {
    public Measured {
        digest = List.copyOf(digest);
    }

    /** an unverified transfer of bytes (iperf3) */
    public Measured(double sendSeconds, double receiveSeconds, long sentBytes, long receivedBytes, Cpu sender, Cpu receiver) {
        this(sendSeconds, receiveSeconds, sentBytes, receivedBytes, sender, receiver, Optional.empty(), List.of(), 0, 0,
                Optional.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    /** a transfer that failed part-way, nothing measured: {@code why} says what, in the failing side's words */
    public static Measured failed(String why, Cpu sender, Cpu receiver) {
        return new Measured(0, 0, 0, 0, sender, receiver, Optional.of(why), List.of(), 0, 0, Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty());
    }

    /** true when a receiver's RAM digest came back to be checked */
    public boolean checked() {
        return !digest.isEmpty();
    }

    /** the receiver's time for {@code bytes} at the rate it measured: the ceiling's transfer time for a stream of that length */
    public double receiveSecondsFor(long bytes) {
        return receivedBytes > 0 ? receiveSeconds * bytes / receivedBytes : Double.NaN;
    }
}
