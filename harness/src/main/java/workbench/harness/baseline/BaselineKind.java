package workbench.harness.baseline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import workbench.reports.model.SeriesRole;

/**
 * Every reference transfer {@code --baselines} names: what it is, the role its series plays, the
 * swept settings it reads (a sweep of any other strategy setting does not split its series), and
 * how it is timed, as the report says.
 */
public enum BaselineKind {
    IPERF3("iperf3", SeriesRole.CEILING, List.of(), false,
            "iperf3 -l 1M -n <the stream's bytes>, single stream: timed by iperf3 itself, its receiver-side time scaled to"
                    + " the stream's length; unverified (bytes, not a guest)"),
    IPERF3_Z("iperf3-z", SeriesRole.CEILING, List.of(), false,
            "iperf3 -Z (sendfile) otherwise as iperf3: timed by iperf3 itself; unverified"),
    QEMU("qemu", SeriesRole.BASELINE, List.of(), true,
            "QEMU 7.2 → QEMU 7.2, both started by the workbench (-M none, paused; the source's RAM a /dev/shm file holding"
                    + " the same guest, the destination's poisoned and pre-faulted, share=on), max-bandwidth unlimited: timed on"
                    + " our clock from the migrate command to the destination's MIGRATION completed event (send time: to the"
                    + " source's, which can come a little after the destination's); QMP's total-time, setup-time, downtime, transferred, normal, duplicate and mbps recorded per"
                    + " trial; verified by the destination's RAM digest"),
    QEMU_MULTIFD("qemu-multifd", SeriesRole.BASELINE, List.of("channels"), true,
            "as qemu, with QEMU's multifd capability on --channels channels beside the main stream (both sides)"),
    QEMU_SOURCE("qemu-source", SeriesRole.BASELINE, List.of(), true,
            "QEMU's sender into our receiver: a QEMU 7.2 source as for qemu migrates live to the run's receiver, which"
                    + " decodes QEMU's own stream (device sections and vmdesc included): timed on our clock from the migrate"
                    + " command to our receiver's done (send time: to the source's MIGRATION completed event); verified by our"
                    + " receiver's RAM digest; a different stream from ours, so never paired"),
    QEMU_SOURCE_MULTIFD("qemu-source-multifd", SeriesRole.BASELINE, List.of("channels"), true,
            "as qemu-source, with QEMU's multifd capability on --channels channels beside the main stream, read by our"
                    + " receiver's multifd channel readers");

    private final String text;
    private final SeriesRole role;
    private final List<String> settings;
    private final boolean qemu;
    private final String timing;

    BaselineKind(String text, SeriesRole role, List<String> settings, boolean qemu, String timing) {
        this.text = text;
        this.role = role;
        this.settings = settings;
        this.qemu = qemu;
        this.timing = timing;
    }

    /** "qemu-multifd", unknown names refused naming the known ones */
    public static BaselineKind byName(String name) {
        for (BaselineKind k : values()) {
            if (k.text.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("--baselines: unknown baseline '" + name + "' (known: auto, none, "
                + String.join(", ", names()) + ")");
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(BaselineKind::text).toList();
    }

    /** the series name ("qemu-multifd") */
    public String text() {
        return text;
    }

    /** CEILING for iperf3 (unverified bytes), BASELINE for a QEMU migration (verified) */
    public SeriesRole role() {
        return role;
    }

    /** the swept option names it reads ("channels") */
    public List<String> settings() {
        return settings;
    }

    /** true for a QEMU source that sends into our receiver (qemu-source, qemu-source-multifd) */
    public boolean intoOurReceiver() {
        return this == QEMU_SOURCE || this == QEMU_SOURCE_MULTIFD;
    }

    /** true when it needs qemu-system-x86_64 */
    public boolean qemu() {
        return qemu;
    }

    /** how its series is timed and verified, one sentence for the report */
    public String timing() {
        return timing;
    }
}
