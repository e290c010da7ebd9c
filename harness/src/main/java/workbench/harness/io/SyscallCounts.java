package workbench.harness.io;

/**
 * The system calls a sink made, counted by the sink itself around each call. Never counted by
 * wrapping the channel: {@code FileChannel.transferTo} reaches the kernel's sendfile only when
 * its target is the real socket channel, and through a wrapper it copies via a heap buffer.
 */
public final class SyscallCounts {
    /** Linux's IOV_MAX: a gathering write hands the kernel at most this many buffers */
    public static final int IOV_MAX = 1024;

    private long writes;
    private long writevs;
    private long iovecs;
    private long sendfiles;

    /** one plain write */
    public void write() {
        writes++;
    }

    /** one gathering write of {@code buffers} buffers (the kernel takes at most IOV_MAX of them) */
    public void writev(int buffers) {
        writevs++;
        iovecs += Math.min(buffers, IOV_MAX);
    }

    /** one {@code FileChannel.transferTo} call: the kernel's sendfile when its target is a real socket or file channel */
    public void sendfile() {
        sendfiles++;
    }

    /** adds {@code other}'s counts to these (a sink of several connections sums its own) */
    public void add(SyscallCounts other) {
        writes += other.writes;
        writevs += other.writevs;
        iovecs += other.iovecs;
        sendfiles += other.sendfiles;
    }

    public long writes() {
        return writes;
    }

    public long writevs() {
        return writevs;
    }

    public long iovecs() {
        return iovecs;
    }

    public long sendfiles() {
        return sendfiles;
    }
}
