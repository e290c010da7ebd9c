package workbench.harness.metrics;

import java.nio.file.Path;
import java.util.Optional;
import workbench.reports.model.Cpu;

/**
 * CPU time of another process this run started (a QEMU): the whole process from
 * {@code /proc/PID/stat}, and its main thread (where QEMU 7.2 loads an incoming migration) from
 * {@code /proc/PID/task/PID/stat}; clock ticks of 10 ms, as {@link CpuClock}'s process figures, and
 * the process's sum at nanosecond resolution from its threads' schedstat (unknown when a thread, such
 * as QEMU's migration thread, ended in between).
 */
public record ProcessCpu(long pid, double threadUser, double threadSys, double processUser, double processSys,
                         Optional<ThreadTimes> threads) {
    public static ProcessCpu of(long pid) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        double[] process = CpuClock.times(proc.resolve("stat"));
        double[] thread = CpuClock.times(proc.resolve("task").resolve(String.valueOf(pid)).resolve("stat"));
        return new ProcessCpu(pid, thread[0], thread[1], process[0], process[1], ThreadTimes.of(proc));
    }

    /** the CPU spent since this reading, read now */
    public Cpu sinceThen() {
        ProcessCpu now = of(pid);
        double user = now.processUser - processUser;
        double sys = now.processSys - processSys;
        return new Cpu(now.threadUser - threadUser, now.threadSys - threadSys, user, sys,
                CpuClock.preciseSeconds(threads, now.threads, user + sys));
    }
}
