package workbench.reports.stats;

import workbench.reports.model.TrialResult;

/**
 * A figure read or derived from one trial. Throughput uses the send time (the seed's "time") and
 * decimal Gbit/s (10⁹ bit/s) or binary MiB/s; CPU cost is CPU seconds per GiB (2³⁰ bytes) of stream.
 * A figure that cannot be derived (no bytes, no time) is NaN.
 */
public enum Metric {
    SEND_SECONDS("send time", "s", "sendSeconds"),
    TRANSFER_SECONDS("transfer time", "s", "transferSeconds"),
    GBIT_PER_SECOND("throughput", "Gbit/s", "gbitPerSecond"),
    MIB_PER_SECOND("throughput", "MiB/s", "mibPerSecond"),
    SENDER_THREAD_CPU_PER_GIB("sender thread CPU", "s/GiB", "senderThreadCpuSecondsPerGib"),
    SENDER_PROCESS_CPU_PER_GIB("sender process CPU", "s/GiB", "senderProcessCpuSecondsPerGib"),
    RECEIVER_PROCESS_CPU_PER_GIB("receiver process CPU", "s/GiB", "receiverProcessCpuSecondsPerGib"),
    STREAM_BYTES("stream bytes", "B", "streamBytes"),
    WRITE_CALLS("write count", "calls", "writeCalls"),
    WRITEV_CALLS("writev count", "calls", "writevCalls"),
    SENDFILE_CALLS("sendfile count", "calls", "sendfileCalls"),
    DUP_PAGES("dup count", "pages", "dupPages"),
    NODUP_PAGES("nodup count", "pages", "nodupPages"),
    IOVECS("iovecs", "buffers", "iovecs");

    private static final double GIB = 1L << 30;
    private static final double MIB = 1L << 20;

    private final String label;
    private final String unit;
    private final String column;

    Metric(String label, String unit, String column) {
        this.label = label;
        this.unit = unit;
        this.column = column;
    }

    /** words for people, e.g. "send time" */
    public String label() {
        return label;
    }

    /** the unit, e.g. "s" or "Gbit/s" */
    public String unit() {
        return unit;
    }

    /** a stable lowerCamelCase key for machine formats: trials.csv's derived columns, summary.json's metric keys */
    public String column() {
        return column;
    }

    public double of(TrialResult t) {
        long bytes = t.counts().streamBytes();
        return switch (this) {
            case SEND_SECONDS -> t.sendSeconds();
            case TRANSFER_SECONDS -> t.transferSeconds();
            case GBIT_PER_SECOND -> rate(bytes * 8.0 / 1e9, t.sendSeconds());
            case MIB_PER_SECOND -> rate(bytes / MIB, t.sendSeconds());
            case SENDER_THREAD_CPU_PER_GIB -> rate(t.sender().thread(), bytes / GIB);
            case SENDER_PROCESS_CPU_PER_GIB -> rate(t.sender().process(), bytes / GIB);
            case RECEIVER_PROCESS_CPU_PER_GIB -> rate(t.receiver().process(), bytes / GIB);
            case STREAM_BYTES -> bytes;
            case WRITE_CALLS -> t.counts().writeCalls();
            case WRITEV_CALLS -> t.counts().writevCalls();
            case SENDFILE_CALLS -> t.counts().sendfileCalls();
            case DUP_PAGES -> t.counts().dupPages();
            case NODUP_PAGES -> t.counts().nodupPages();
            case IOVECS -> t.counts().iovecs();
        };
    }

    private static double rate(double amount, double per) {
        return per > 0 ? amount / per : Double.NaN;
    }
}
