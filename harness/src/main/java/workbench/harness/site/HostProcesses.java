package workbench.harness.site;

/**
 * The processes a run starts on this host besides its own, by what they hold (see
 * {@link Sites#hostProcesses}); with --forks they are restarted one after another, never side by side.
 *
 * @param receivers receiver children, each holding the largest guest
 * @param agents    sender agents of emulated links, each holding every guest
 */
public record HostProcesses(int receivers, int agents) {
}
