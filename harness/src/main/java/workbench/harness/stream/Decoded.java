package workbench.harness.stream;

import workbench.workloads.ram.GuestRam;

public record Decoded(GuestRam ram, java.util.List<Object> sections, RecordCounts records, int vmdescLength, long bytes) {
}
