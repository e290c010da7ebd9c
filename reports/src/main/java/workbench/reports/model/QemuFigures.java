package workbench.reports.model;

/**
 * What QEMU's own {@code query-migrate} said of a migration it sent (a QEMU baseline's trial), as
 * QEMU 7.2 names them: its times in milliseconds on its own clock, the RAM bytes and pages it moved.
 *
 * @param totalTimeMs   {@code total-time}: from {@code migrate} to completion
 * @param setupTimeMs   {@code setup-time}
 * @param downtimeMs    {@code downtime}: the stop-and-copy phase
 * @param transferred   {@code ram.transferred}: RAM payload bytes (page records, block names, EOS; not the
 *                      container, configuration, device sections or vmdesc)
 * @param normalPages   {@code ram.normal}: pages sent whole
 * @param duplicatePages {@code ram.duplicate}: zero pages sent as fill records
 * @param mbps          {@code ram.mbps}: QEMU's rate, decimal megabits per second over total-time less setup-time
 * @param multifdBytes  {@code ram.multifd-bytes}: of those bytes, what went on the multifd channels (0 without multifd)
 */
public record QemuFigures(long totalTimeMs, long setupTimeMs, long downtimeMs, long transferred, long normalPages,
                          long duplicatePages, double mbps, long multifdBytes) {
}
