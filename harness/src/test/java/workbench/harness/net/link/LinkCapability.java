package workbench.harness.net.link;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import workbench.harness.failure.UserException;

/**
 * Real-namespace tests run where root, ip and tc are available and are skipped, with the reason,
 * elsewhere; with {@code CI=true} a missing capability fails the test instead.
 */
final class LinkCapability {

    private LinkCapability() {
    }

    static void require() {
        try {
            IpCommand.checkReady();
        } catch (UserException e) {
            String reason = "real-namespace tests need root, ip and tc: " + e.line();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true, so a missing capability fails instead of skipping; " + reason);
            }
            assumeTrue(false, reason);
        }
    }
}
