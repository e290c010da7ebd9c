package workbench.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What crossed the sender's channel in one trial.
 *
 * @param streamBytes   bytes of migration stream written
 * @param dupPages      pages sent as one-byte fill records
 * @param nodupPages    pages sent whole
 * @param writeCalls    plain write calls
 * @param writevCalls   gathering write calls
 * @param iovecs        buffers handed to gathering writes, summed over calls
 * @param bytesCopied   bytes the strategy copied into its own buffers
 * @param sendfileCalls transferTo (sendfile) calls, sending pages from the guest's file; 0 in a run.json
 *                      written before the sendfile strategies, which had none
 * @param channels      per multifd channel, what it carried (the main stream's share is the rest of the
 *                      totals); empty, and left out of run.json, for a single stream
 */
public record Counts(long streamBytes, long dupPages, long nodupPages, long writeCalls, long writevCalls,
                     long iovecs, long bytesCopied, long sendfileCalls,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ChannelCounts> channels) {
    public Counts {
        channels = channels == null ? List.of() : List.copyOf(channels); // absent in files of single streams
    }

    /** the counts of a single stream */
    public Counts(long streamBytes, long dupPages, long nodupPages, long writeCalls, long writevCalls, long iovecs,
                  long bytesCopied, long sendfileCalls) {
        this(streamBytes, dupPages, nodupPages, writeCalls, writevCalls, iovecs, bytesCopied, sendfileCalls, List.of());
    }

    /** the counts of a trial that made no sendfile calls (every strategy but the sendfile ones, and references) */
    public Counts(long streamBytes, long dupPages, long nodupPages, long writeCalls, long writevCalls, long iovecs,
                  long bytesCopied) {
        this(streamBytes, dupPages, nodupPages, writeCalls, writevCalls, iovecs, bytesCopied, 0);
    }
}
