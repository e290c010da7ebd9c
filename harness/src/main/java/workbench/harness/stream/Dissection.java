package workbench.harness.stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import workbench.harness.io.BufferedSource;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;
import workbench.workloads.ram.RamDigest;

/**
 * A stream file taken apart: what {@code workbench decode FILE [--json]} shows. The JSON form's
 * names are lowerCamelCase, as run.json's: {@code fileSize}, {@code fileSha256}, {@code sections}
 * (each with the {@code offset} the text form shows: {@link Section#toJson()}), {@code ramBlocks}
 * ({@code idstr}, {@code usedLength}, {@code sha256} of the rebuilt block, starting from zeros),
 * {@code records}, {@code vmdescLen} (-1 when the stream has no vmdesc) and {@code extensions} (only
 * when the stream uses one). They are the facts of a file's object in the fixtures' snake_case
 * {@code expected.json} (which QEMU-side tooling wrote), by the same names in camelCase.
 *
 * @param file the file's name, for the text form only
 */
public record Dissection(@JsonIgnore String file, long fileSize, String fileSha256, List<Section> sections,
                         List<BlockDigest> ramBlocks, RecordCounts records, int vmdescLen,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> extensions) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** One rebuilt RAM block: its name, length and the plain SHA-256 of its bytes. */
    public record BlockDigest(String idstr, long usedLength, String sha256) {
    }

    public Dissection {
        sections = List.copyOf(sections);
        ramBlocks = List.copyOf(ramBlocks);
        extensions = List.copyOf(extensions);
    }

    /** {@link #of(Path, long)} with the default RAM limit ({@link RamTarget#defaultLimit()}). */
    public static Dissection of(Path file) throws IOException, StreamFormatException {
        return of(file, RamTarget.defaultLimit());
    }

    /**
     * Decodes the file into zero-filled RAM of at most {@code maxRam} bytes and digests it.
     *
     * @throws RamRefusedException   the stream declares more RAM than {@code maxRam}, or than can be allocated
     * @throws StreamFormatException the file is not a well-formed QEMU 7.2 stream
     * @throws IOException           the file cannot be read
     */
    public static Dissection of(Path file, long maxRam) throws IOException, StreamFormatException {
        MessageDigest sha = sha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ReadableByteChannel hashing = new ReadableByteChannel() {
                @Override
                public int read(ByteBuffer dst) throws IOException {
                    int from = dst.position();
                    int n = channel.read(dst);
                    if (n > 0) {
                        sha.update(dst.duplicate().flip().position(from));
                    }
                    return n;
                }

                @Override
                public boolean isOpen() {
                    return channel.isOpen();
                }

                @Override
                public void close() {
                    // the file channel is closed by the try-with-resources that opened it
                }
            };
            Decoded d = new StreamDecoder(new BufferedSource(hashing), RamTarget.allocating(StreamDecoder.PAGE_SIZE, maxRam)).decode();
            Path name = file.getFileName();
            return of(name == null ? file.toString() : name.toString(), d, HexFormat.of().formatHex(sha.digest()));
        }
    }

    /** The dissection of an already decoded stream, given the stream's SHA-256. */
    public static Dissection of(String file, Decoded decoded, String streamSha256) {
        GuestRam ram = decoded.ram();
        List<BlockDigest> blocks = ram.blocks().stream()
                .map(b -> new BlockDigest(b.name(), b.length(), RamDigest.sha256(b)))
                .toList();
        return new Dissection(file, decoded.bytes(), streamSha256, decoded.sections(), blocks, decoded.records(),
                decoded.vmdescLength(), decoded.extensions());
    }

    /**
     * The JSON object, as a parser would read it back (numbers as the smallest
     * fitting node, so it equals a tree read from a file).
     */
    public JsonNode toJsonTree() {
        try {
            return JSON.readTree(toJson());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot re-read a dissection", e);
        }
    }

    /** {@link #toJsonTree()}, indented. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise a dissection", e);
        }
    }

    /** A readable multi-line dissection, ending with a newline. */
    public String toText() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "file        %s%n", file));
        s.append(String.format(Locale.ROOT, "size        %d bytes%n", fileSize));
        s.append(String.format(Locale.ROOT, "sha256      %s%n", fileSha256));
        if (!extensions.isEmpty()) {
            s.append(String.format(Locale.ROOT, "format      NOT QEMU-readable: workbench extension %s (QEMU 7.2 refuses it;"
                    + " this decoder reads it)%n", String.join(", ", extensions)));
        }
        s.append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "sections (%d)%n", sections.size()));
        s.append(String.format(Locale.ROOT, "  %-10s %-14s %5s  %-24s %8s %7s%n", "offset", "type", "id", "idstr", "instance", "version"));
        for (Section sec : sections) {
            s.append(String.format(Locale.ROOT, "  0x%08x %-14s ", sec.offset(), sec.type()));
            s.append(detail(sec));
            s.append(System.lineSeparator());
        }
        s.append(String.format(Locale.ROOT, "%nRAM blocks (%d)%n", ramBlocks.size()));
        int width = ramBlocks.stream().mapToInt(b -> b.idstr().length()).max().orElse(5);
        for (BlockDigest b : ramBlocks) {
            s.append(String.format(Locale.ROOT, "  %-" + width + "s  %12d bytes (0x%x)  sha256 %s%n",
                    b.idstr(), b.usedLength(), b.usedLength(), b.sha256()));
        }
        s.append(String.format(Locale.ROOT, "%nRAM records%n"));
        s.append(String.format(Locale.ROOT, "  ZERO         %d (non-zero fill byte: %d)%n", records.zero(), records.zeroNonzeroFill()));
        s.append(String.format(Locale.ROOT, "  PAGE         %d (uniform content: %d)%n", records.page(), records.pageWithUniformContent()));
        if (records.run() > 0) {
            s.append(String.format(Locale.ROOT, "  RUN          %d (their pages counted in PAGE)%n", records.run()));
        }
        s.append(String.format(Locale.ROOT, "  block idstr  %d sent%n", records.blockIdstrSent()));
        s.append(String.format(Locale.ROOT, "%nvmdesc      %s%n", vmdescLen < 0 ? "absent" : vmdescLen + " bytes"));
        return s.toString().replaceAll(" +(\\R)", "$1");
    }

    private static String detail(Section sec) {
        if (sec instanceof Section.Configuration c) {
            return String.format(Locale.ROOT, "%5s  machine '%s'%s", "", c.machine(),
                    c.subsections().isEmpty() ? "" : " subsections " + c.subsections());
        } else if (sec instanceof Section.Start h) {
            return header(h.id(), h.idstr(), h.instance(), h.version());
        } else if (sec instanceof Section.Full h) {
            return header(h.id(), h.idstr(), h.instance(), h.version());
        } else if (sec instanceof Section.Part p) {
            return String.format(Locale.ROOT, "%5s", Integer.toUnsignedString(p.id()));
        } else if (sec instanceof Section.End e) {
            return String.format(Locale.ROOT, "%5s", Integer.toUnsignedString(e.id()));
        }
        return "";
    }

    private static String header(int id, String idstr, int instance, int version) {
        return String.format(Locale.ROOT, "%5s  %-24s %8s %7s", Integer.toUnsignedString(id), idstr,
                Integer.toUnsignedString(instance), Integer.toUnsignedString(version));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
