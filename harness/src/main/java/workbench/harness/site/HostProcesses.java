package workbench.harness.site;

/**
 * The processes a run starts on this host besides its own, by what they hold (see
 * {@link Sites#hostProcesses}); with --forks they are restarted one after another, never side by side.
 *
 * @param receivers         receiver children, each holding the largest guest
 * @param agents            sender agents of emulated links, each holding every guest
 * @param qemuSources       true when QEMU sources run: a /dev/shm copy of every guest for the run's length
 * @param qemuDestinations  true when QEMU destinations run: one at a time, a /dev/shm file of the largest guest
 */
public record HostProcesses(int receivers, int agents, boolean qemuSources, boolean qemuDestinations) {
    /** no QEMU */
    public HostProcesses(int receivers, int agents) {
        this(receivers, agents, false, false);
    }
}
