package workbench.workloads.live;

import java.util.Locale;

/** What a trial does with the guest: one copy of a paused guest, or a running guest copied live. */
public enum WorkloadKind {
    /** one pass over a paused guest (the seed's measurement) */
    BULK,
    /** iterative pre-copy: passes while writers dirty RAM, then a stop-and-copy of the rest */
    PRECOPY,
    /** Remus/Kemari/COLO-style epochs: at each epoch's end the guest pauses until its dirty pages are acknowledged */
    CHECKPOINT;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WorkloadKind parse(String s) {
        for (WorkloadKind k : values()) {
            if (k.text().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("--workload: unknown workload '" + s + "' (known: bulk, precopy, checkpoint)");
    }
}
