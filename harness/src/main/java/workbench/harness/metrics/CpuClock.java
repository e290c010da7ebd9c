package workbench.harness.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Optional;
import workbench.reports.model.Cpu;

/**
 * CPU time of the calling thread (ThreadMXBean) and of the whole process: user and system apart from
 * /proc/self/stat in clock ticks of 10 ms, and their sum at nanosecond resolution from the threads'
 * schedstat ({@link ThreadTimes}), which the per-GiB figures use.
 */
public final class CpuClock {
    private static final double TICK = 0.01; // USER_HZ is 100 on Linux
    private static final Path PROC_SELF = Path.of("/proc/self/stat");
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** A reading; subtract two with {@link #since}. */
    public record Sample(long threadUserNs, long threadCpuNs, double processUser, double processSys,
                         Optional<ThreadTimes> processThreads) {
    }

    public Sample now() {
        double[] proc = times(PROC_SELF);
        return new Sample(threads.getCurrentThreadUserTime(), threads.getCurrentThreadCpuTime(), proc[0], proc[1],
                ThreadTimes.of(PROC_SELF.getParent()));
    }

    /** CPU spent by this thread and process since {@code start} (same thread). */
    public Cpu since(Sample start) {
        Sample end = now();
        double user = (end.threadUserNs() - start.threadUserNs()) / 1e9;
        double cpu = (end.threadCpuNs() - start.threadCpuNs()) / 1e9;
        double processUser = end.processUser() - start.processUser();
        double processSys = end.processSys() - start.processSys();
        return new Cpu(user, Math.max(0, cpu - user), processUser, processSys,
                preciseSeconds(start.processThreads(), end.processThreads(), processUser + processSys));
    }

    /**
     * The process's CPU seconds between two readings of its threads; 0 (unknown: the ticks stand in)
     * where a reading is missing or a thread ended. A thread born and ended between the readings is in
     * neither (multifd's per-trial channel readers): its time shows only in the ticks, which count
     * ended threads too, so a sum more than two ticks below {@code ticks} is refused as well.
     */
    static double preciseSeconds(Optional<ThreadTimes> start, Optional<ThreadTimes> end, double ticks) {
        if (start.isEmpty() || end.isEmpty()) {
            return 0;
        }
        double seconds = end.get().secondsSince(start.get()).orElse(0.0);
        return seconds + 2 * TICK < ticks ? 0 : seconds;
    }

    /** user and system seconds of a /proc/…/stat file (a process's or a thread's); 0 where there is none */
    static double[] times(Path procStat) {
        try {
            String stat = EnvironmentProbe.read(procStat.toString());
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new double[] {Long.parseLong(f[11]) * TICK, Long.parseLong(f[12]) * TICK};
        } catch (RuntimeException e) {
            return new double[] {0, 0}; // not Linux: process CPU unknown, shown as 0
        }
    }
}
