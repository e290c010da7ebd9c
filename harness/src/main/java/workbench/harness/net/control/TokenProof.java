package workbench.harness.net.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Challenge–response over a shared token: HMAC-SHA256(token, nonce). The token never crosses the wire. */
public final class TokenProof {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenProof() {
    }

    public static String nonce() {
        byte[] n = new byte[32];
        RANDOM.nextBytes(n);
        return HexFormat.of().formatHex(n);
    }

    public static String prove(String token, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(nonce.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** constant-time comparison of a proof with the expected one */
    public static boolean verify(String token, String nonce, String proof) {
        return MessageDigest.isEqual(prove(token, nonce).getBytes(StandardCharsets.US_ASCII),
                proof.getBytes(StandardCharsets.US_ASCII));
    }
}
