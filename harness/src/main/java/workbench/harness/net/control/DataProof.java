package workbench.harness.net.control;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The first bytes of a data connection in a session proven by token: "WBDP" and the 32-byte
 * HMAC-SHA256 of the trial's nonce, keyed by the token. It ties the connection to the session
 * that asked for the trial; a real QEMU source, which cannot send it, is used only without a token.
 */
public final class DataProof {
    /** "WBDP" */
    public static final int MAGIC = 0x57424450;
    public static final int LENGTH = Integer.BYTES + 32;

    private DataProof() {
    }

    /** the bytes a sender writes first */
    public static ByteBuffer of(String token, String nonce) {
        byte[] mac = HexFormat.of().parseHex(TokenProof.prove(token, "data:" + nonce));
        return ByteBuffer.allocate(LENGTH).putInt(MAGIC).put(mac).flip();
    }

    /** true when {@code received} (LENGTH bytes) is the proof for this nonce */
    public static boolean verify(String token, String nonce, ByteBuffer received) {
        ByteBuffer expected = of(token, nonce);
        return received.remaining() == LENGTH && java.security.MessageDigest.isEqual(array(expected), array(received.duplicate()));
    }

    private static byte[] array(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }
}
