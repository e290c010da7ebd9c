package workbench.harness.stream;

import java.util.List;
import workbench.workloads.ram.GuestRam;

/**
 * What a decoded stream delivered.
 *
 * @param ram          the RAM the pages landed in (the target's)
 * @param sections     every container-level section in stream order, CONFIGURATION first, EOF last
 * @param records      counts of the RAM records
 * @param vmdescLength bytes of the VMDESCRIPTION JSON, or -1 when the stream has none
 * @param bytes        stream bytes consumed, i.e. the stream's length
 * @param extensions   the workbench extensions the stream announced (e.g. x-workbench-runs): empty for a
 *                     stream QEMU 7.2 can read, which is what QEMU writes
 */
public record Decoded(GuestRam ram, List<Section> sections, RecordCounts records, int vmdescLength, long bytes,
                      List<String> extensions) {
    public Decoded {
        sections = List.copyOf(sections);
        extensions = List.copyOf(extensions);
    }

    /** whether QEMU 7.2 could load this stream (no workbench extension in it) */
    public boolean qemuReadable() {
        return extensions.isEmpty();
    }
}
