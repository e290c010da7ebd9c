package workbench.harness.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run time of every thread of a process, in nanoseconds, from {@code /proc/PID/task/TID/schedstat}
 * (its first field: time spent on a CPU, user and system together). Unlike /proc/PID/stat's clock
 * ticks of 10 ms it resolves the few milliseconds a small trial costs. A thread that ends takes its
 * time with it, so a difference is only defined when every thread of the first reading is still there.
 */
public record ThreadTimes(Map<Long, Long> nanosByThread) {
    /** the process's threads now; empty where /proc has no schedstat (not Linux, or no CONFIG_SCHED_INFO) */
    public static Optional<ThreadTimes> of(Path procPid) {
        Map<Long, Long> times = new HashMap<>();
        try (Stream<Path> tasks = Files.list(procPid.resolve("task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                readThread(task).ifPresent(ns -> times.put(Long.parseLong(task.getFileName().toString()), ns));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return times.isEmpty() ? Optional.empty() : Optional.of(new ThreadTimes(Map.copyOf(times)));
    }

    /** a thread's schedstat; empty when it ended between the listing and the read */
    private static Optional<Long> readThread(Path task) {
        try {
            String stat = Files.readString(task.resolve("schedstat")).strip();
            return Optional.of(Long.parseLong(stat.substring(0, stat.indexOf(' '))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The process's CPU seconds from {@code start} to this reading; empty when a thread of {@code start}
     * has ended (its time is gone from the sum: the caller falls back to clock ticks).
     */
    public Optional<Double> secondsSince(ThreadTimes start) {
        if (!nanosByThread.keySet().containsAll(start.nanosByThread.keySet())) {
            return Optional.empty();
        }
        long ns = 0;
        for (Map.Entry<Long, Long> e : nanosByThread.entrySet()) {
            ns += e.getValue() - start.nanosByThread.getOrDefault(e.getKey(), 0L);
        }
        return Optional.of(ns / 1e9);
    }
}
