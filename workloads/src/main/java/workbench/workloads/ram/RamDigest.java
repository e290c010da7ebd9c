package workbench.workloads.ram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The fingerprint of guest RAM that both sides of a trial compare: per block, a SHA-256 over the
 * SHA-256 of each 64 MiB piece (the pieces hashed in parallel), plus the block's name and length.
 */
public record RamDigest(List<BlockDigest> blocks) {
    static final int PIECE_BYTES = 64 << 20;

    public record BlockDigest(String name, long length, String sha256) {
    }

    public RamDigest {
        blocks = List.copyOf(blocks);
    }

    public static RamDigest of(GuestRam ram) {
        List<BlockDigest> out = new ArrayList<>();
        for (RamBlock b : ram.blocks()) {
            out.add(new BlockDigest(b.name(), b.length(), pieceTree(b.chunks())));
        }
        return new RamDigest(out);
    }

    /**
     * The digest of a block held in a file (a QEMU destination's RAM on /dev/shm): its first
     * {@code length} bytes, mapped read-only in the chunks a {@link RamBlock} uses, so the digest
     * equals that of a block with the same bytes. The file may already be unlinked.
     */
    public static BlockDigest ofFile(String name, FileChannel file, long length) throws IOException {
        if (file.size() < length) {
            throw new IOException("the file of block " + name + " holds " + file.size() + " bytes, the block has " + length);
        }
        int count = (int) ((length + RamBlock.CHUNK_BYTES - 1) / RamBlock.CHUNK_BYTES);
        ByteBuffer[] chunks = new ByteBuffer[count];
        for (int c = 0; c < count; c++) {
            long at = (long) c * RamBlock.CHUNK_BYTES;
            chunks[c] = file.map(FileChannel.MapMode.READ_ONLY, at, Math.min(RamBlock.CHUNK_BYTES, length - at));
        }
        return new BlockDigest(name, length, pieceTree(chunks));
    }

    /** The plain SHA-256 of a block's bytes, as `sha256sum` of a RAM image file gives it. */
    public static String sha256(RamBlock block) {
        MessageDigest md = sha256();
        for (ByteBuffer chunk : block.chunks()) {
            md.update(chunk.duplicate().clear());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String pieceTree(ByteBuffer[] chunks) {
        List<ByteBuffer> pieces = new ArrayList<>();
        for (ByteBuffer chunk : chunks) {
            for (int at = 0; at < chunk.capacity(); at += PIECE_BYTES) {
                pieces.add(chunk.slice(at, Math.min(PIECE_BYTES, chunk.capacity() - at)));
            }
        }
        byte[][] digests = new byte[pieces.size()][];
        IntStream.range(0, pieces.size()).parallel().forEach(i -> {
            MessageDigest md = sha256();
            md.update(pieces.get(i));
            digests[i] = md.digest();
        });
        MessageDigest top = sha256();
        for (byte[] d : digests) {
            top.update(d);
        }
        return HexFormat.of().formatHex(top.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
