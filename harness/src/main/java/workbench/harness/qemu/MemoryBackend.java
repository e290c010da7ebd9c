package workbench.harness.qemu;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One RAM block of a QEMU: a {@code memory-backend-file} over {@code file} with {@code share=on}
 * (without it QEMU's writes go to private pages and the file never shows them) and
 * {@code prealloc=on} (every page touched at start-up, outside any timing, keeping the file's
 * bytes). QEMU names the RAM block after the backend's {@code id}.
 */
public record MemoryBackend(String id, long size, Path file) {
    /** QEMU's rule for object ids (qemu/id.c): a letter, then letters, digits, '-', '.', '_' */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    public MemoryBackend {
        String why = refusal(id).orElse("");
        if (!why.isEmpty()) {
            throw new IllegalArgumentException(why);
        }
        if (file.toString().contains(",")) {
            throw new IllegalArgumentException("a QEMU memory backend's file cannot have a comma in its path: " + file);
        }
    }

    /** empty when {@code name} can be a backend id, hence a RAM block's name in QEMU; else why not */
    public static java.util.Optional<String> refusal(String name) {
        return ID.matcher(name).matches() && name.length() <= 127 ? java.util.Optional.empty()
                : java.util.Optional.of("QEMU names a RAM block after its memory backend's id, which must be a letter followed by"
                        + " letters, digits, '-', '.' or '_'; block '" + name + "' is not");
    }

    /** the {@code -object} argument */
    public String object() {
        return "memory-backend-file,id=" + id + ",size=" + size + ",mem-path=" + file + ",share=on,prealloc=on";
    }
}
