package workbench.harness.run;

import java.util.List;
import java.util.Locale;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.metrics.EnvironmentProbe;
import workbench.harness.site.HostProcesses;
import workbench.workloads.ram.RamBacking;

/**
 * What a run's processes on this host will hold, checked before anything is generated: with no swap
 * the failure to avoid is the OOM killer part-way through (or SIGBUS at the first touch of a
 * /dev/shm mapping beyond its free space). This process and each link's sender agent hold every
 * guest, each receiver child the largest; each JVM needs {@link #jvmOverhead} beside its guests.
 *
 * @param guests        the run's guest RAM sizes, bytes
 * @param others        the processes the networks start here besides this one
 * @param senderBacking where this process's (and the agents') guests live; SHM takes /dev/shm space
 */
record MemoryBudget(List<Long> guests, HostProcesses others, RamBacking senderBacking) {
    private static final long MIB = 1 << 20;
    private static final long BASE_OVERHEAD = 256 * MIB;

    MemoryBudget {
        guests = List.copyOf(guests);
    }

    /** what the machine has now: MemAvailable and /dev/shm's free space, bytes, negative where unknown */
    record Machine(long available, long shmFree) {
        static Machine now() {
            return new Machine(EnvironmentProbe.availableMemory(), EnvironmentProbe.shmFree());
        }
    }

    /**
     * A JVM's memory beside the guests it holds: code, metaspace, GC and threads (~150 MiB measured),
     * and a heap of about 110 bytes per guest page (a slice and a page reference each; 376 MiB in
     * all for a sender of 8 GiB, 264 MiB for a receiver), rounded up to 256 MiB + 128 bytes per page.
     */
    static long jvmOverhead(long guestBytes) {
        return BASE_OVERHEAD + guestBytes / 32;
    }

    /** Refuses the run, in one line with the figures and the fix, where the machine cannot hold it. */
    void check(Machine machine) {
        long all = sum(guests);
        long largest = guests.stream().mapToLong(Long::longValue).max().orElse(0);
        long sender = saturated(all, jvmOverhead(all));
        long receiver = saturated(largest, jvmOverhead(largest));
        int holdingAll = 1 + others.agents();
        long qemuFiles = saturated(others.qemuSources() ? all : 0, others.qemuDestinations() ? largest : 0);
        long need = saturated(saturated(times(holdingAll, sender), times(others.receivers(), receiver)), qemuFiles);
        if (machine.available() > 0 && need > machine.available()) {
            throw new UserException(String.format(Locale.ROOT,
                    "not enough memory: this run's %d process(es) here need about %d MiB (%s), %d MiB is available",
                    holdingAll + others.receivers(), need / MIB, who(sender, receiver), machine.available() / MIB),
                    fix(machine.available()), ExitCode.ENVIRONMENT);
        }
        long shm = saturated(senderBacking == RamBacking.SHM ? times(holdingAll, all) : 0, qemuFiles);
        if (machine.shmFree() >= 0 && shm > machine.shmFree()) {
            throw new UserException(qemuFiles == 0 ? String.format(Locale.ROOT,
                    "/dev/shm has %d MiB free, but the sender's guests need %d MiB there (%d MiB in each of %d process(es): this one%s)",
                    machine.shmFree() / MIB, shm / MIB, all / MIB, holdingAll,
                    others.agents() == 0 ? "" : " and " + others.agents() + " link agent(s)")
                    : String.format(Locale.ROOT, "/dev/shm has %d MiB free, but the run needs %d MiB there (the sender's guests %d MiB,"
                    + " QEMU's RAM files %d MiB)", machine.shmFree() / MIB, shm / MIB, (shm - qemuFiles) / MIB, qemuFiles / MIB),
                    "use a smaller --ram or --backing direct, or enlarge /dev/shm (mount -o remount,size=…)",
                    ExitCode.ENVIRONMENT);
        }
    }

    private String who(long sender, long receiver) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "the sender %d MiB", sender / MIB));
        if (others.agents() > 0) {
            b.append(String.format(Locale.ROOT, ", %d link agent(s) %d MiB each", others.agents(), sender / MIB));
        }
        if (others.receivers() > 0) {
            b.append(String.format(Locale.ROOT, ", %d receiver(s) %d MiB each", others.receivers(), receiver / MIB));
        }
        if (others.qemuSources() || others.qemuDestinations()) {
            b.append(", QEMU's RAM files in /dev/shm");
        }
        return b.append(": guest RAM plus each JVM's own").toString();
    }

    /** with one guest size, the largest --ram that would fit: each process holds that guest and its overhead */
    private String fix(long available) {
        int processes = 1 + others.agents() + others.receivers();
        long perProcess = available / processes - BASE_OVERHEAD;
        if (guests.size() != 1 || perProcess <= 0) {
            return "use a smaller --ram or fewer local networks, or free memory";
        }
        long fits = perProcess / 33 * 32; // guest + guest/32 ≤ perProcess
        return String.format(Locale.ROOT, "use a smaller --ram (about %dM fits here now) or fewer local networks, or free memory",
                fits / MIB);
    }

    private static long sum(List<Long> sizes) {
        long total = 0;
        for (long s : sizes) {
            total = saturated(total, s);
        }
        return total;
    }

    /** a + b, or Long.MAX_VALUE beyond it: more than any machine has is refused, never wrapped to a small number */
    private static long saturated(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static long times(int n, long bytes) {
        return bytes != 0 && n > Long.MAX_VALUE / bytes ? Long.MAX_VALUE : n * bytes;
    }
}
