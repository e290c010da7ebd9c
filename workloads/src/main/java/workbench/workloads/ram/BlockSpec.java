package workbench.workloads.ram;

import java.nio.charset.StandardCharsets;

/** A named RAM block, as QEMU's block list names it (idstr + used_length). */
public record BlockSpec(String name, long length) {
    public BlockSpec {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > 255) {
            throw new IllegalArgumentException("RAM block name must be 1..255 bytes, got " + bytes + ": '" + name + "'");
        }
        if (length <= 0) {
            throw new IllegalArgumentException("RAM block " + name + " must have a positive length, got " + length);
        }
    }
}
