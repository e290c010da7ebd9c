package workbench.harness.peer;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import workbench.reports.model.Cpu;
import workbench.workloads.ram.RamDigest;

/**
 * What the receiver says of one trial once the stream has ended.
 *
 * @param checked     false when nothing received the stream (the null network): unverified
 * @param failure     why the receiver could not take the stream, if it could not
 * @param digest      the receiver's RAM digest after the stream (empty when unchecked or failed)
 * @param streamBytes bytes the receiver read, or {@link #UNCOUNTED} when it cannot tell (a QEMU destination:
 *                    its loading the stream to the end is the check that it was whole)
 * @param cpu         the receiver's CPU during the trial
 * @param mispredictions records a scatter receiver predicted wrongly (0 for buffered)
 * @param peakRss     the receiving process's peak resident memory in bytes, as it reported it; empty
 *                    where there is none or it could not tell
 */
public record Receipt(boolean checked, Optional<String> failure, List<RamDigest.BlockDigest> digest, long streamBytes, Cpu cpu,
                      long mispredictions, OptionalLong peakRss) {
    /** streamBytes of a receiver that does not count what it reads */
    public static final long UNCOUNTED = -1;

    public Receipt(boolean checked, Optional<String> failure, List<RamDigest.BlockDigest> digest, long streamBytes, Cpu cpu) {
        this(checked, failure, digest, streamBytes, cpu, 0, OptionalLong.empty());
    }

    public Receipt {
        digest = List.copyOf(digest);
    }

    /** nobody received: the sender-side ceiling */
    public static Receipt unchecked(long streamBytes) {
        return new Receipt(false, Optional.empty(), List.of(), streamBytes, Cpu.NONE);
    }

    /**
     * Empty when the receiver holds exactly the sender's RAM (or nothing checked it); else why not.
     * A mismatch is a failed trial, never a number in a table.
     */
    public Optional<String> mismatch(long bytesSent, RamDigest sender) {
        if (failure.isPresent()) {
            return Optional.of("receiver: " + failure.get());
        }
        if (!checked) {
            return Optional.empty();
        }
        if (streamBytes != UNCOUNTED && streamBytes != bytesSent) {
            return Optional.of("receiver read " + streamBytes + " stream bytes, sender wrote " + bytesSent);
        }
        if (!digest.equals(sender.blocks())) {
            String blocks = String.join(", ", sender.blocks().stream().filter(b -> !digest.contains(b))
                    .map(RamDigest.BlockDigest::name).toList());
            return Optional.of("RAM digest mismatch in block(s) " + blocks + ": the receiver's RAM differs from the sender's");
        }
        return Optional.empty();
    }
}
