package workbench.reports.model;

/**
 * What crossed the sender's channel in one trial.
 *
 * @param streamBytes bytes of migration stream written
 * @param dupPages    pages sent as one-byte fill records
 * @param nodupPages  pages sent whole
 * @param writeCalls  plain write calls
 * @param writevCalls gathering write calls
 * @param iovecs      buffers handed to gathering writes, summed over calls
 * @param bytesCopied bytes the strategy copied into its own buffers
 */
public record Counts(long streamBytes, long dupPages, long nodupPages, long writeCalls, long writevCalls,
                     long iovecs, long bytesCopied) {
}
