package workbench.workloads.ram;

import java.nio.ByteBuffer;
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
            out.add(new BlockDigest(b.name(), b.length(), pieceTree(b)));
        }
        return new RamDigest(out);
    }

    /** The plain SHA-256 of a block's bytes, as `sha256sum` of a RAM image file gives it. */
    public static String sha256(RamBlock block) {
        MessageDigest md = sha256();
        for (ByteBuffer chunk : block.chunks()) {
            md.update(chunk.duplicate().clear());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String pieceTree(RamBlock block) {
        List<ByteBuffer> pieces = new ArrayList<>();
        for (ByteBuffer chunk : block.chunks()) {
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
