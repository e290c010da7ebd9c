package workbench.harness.serve;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * How {@code workbench serve} runs.
 *
 * @param control  control listen address (the TCP data listener binds the same host)
 * @param token    shared secret a client must prove knowing; required off loopback
 * @param maxRam   largest guest RAM (bytes) a client may ask for; refused before allocation
 * @param version  this workbench's version, for the handshake
 * @param deadlines the deadline of each phase of a session
 */
public record ServeOptions(InetSocketAddress control, Optional<String> token, long maxRam, String version,
                           Deadlines deadlines) {
    public ServeOptions {
        if (token.isPresent() && token.get().isBlank()) {
            throw new IllegalArgumentException("an empty --token can be proven by nobody; give a secret, or none on loopback");
        }
        if (!control.getAddress().isLoopbackAddress() && token.isEmpty()) {
            throw new IllegalArgumentException("serving on " + control.getAddress().getHostAddress()
                    + " needs a --token: anyone who can reach it could make it allocate memory");
        }
        if (maxRam <= 0) {
            throw new IllegalArgumentException("--max-ram must be positive, got " + maxRam);
        }
    }

    public ServeOptions(InetSocketAddress control, Optional<String> token, long maxRam, String version) {
        this(control, token, maxRam, version, Deadlines.DEFAULT);
    }

    /** A loopback receiver without token: the child of a local run, and tests. */
    public static ServeOptions local(String version, long maxRam) {
        return new ServeOptions(new InetSocketAddress("127.0.0.1", 0), Optional.empty(), maxRam, version);
    }
}
