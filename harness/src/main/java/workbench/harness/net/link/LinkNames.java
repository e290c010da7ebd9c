package workbench.harness.net.link;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names and addresses of one emulated link, all carrying the owning process id so that
 * leftovers of a dead owner can be told apart from anyone else's: namespaces {@code wb<pid>tx} and
 * {@code wb<pid>rx}, veth ends {@code wb<pid>a} (sender) and {@code wb<pid>b} (receiver). The
 * second and later links of one process add a counter: {@code wb<pid>-2tx}, {@code wb<pid>-2a}.
 *
 * <p>Addresses come from the benchmarking range 198.18.0.0/15 (RFC 2544), one /30 per link:
 * {@code 198.18.<n>.1} sender, {@code .2} receiver. They exist only inside the link's own
 * namespaces, so links of other processes may reuse them without conflict.
 *
 * @param ownerPid the process that made (and must remove) the link
 * @param index    0 for a process's first link, then 1, 2, … (shown as -2, -3, …)
 */
public record LinkNames(long ownerPid, int index) {

    /** Linux's IFNAMSIZ - 1. */
    public static final int MAX_INTERFACE_NAME = 15;
    public static final int PREFIX_LENGTH = 30;

    private static final Pattern NAMESPACE = Pattern.compile("wb(\\d{1,10})(?:-(\\d{1,5}))?(rx|tx)");

    public LinkNames {
        if (ownerPid <= 0) {
            throw new IllegalArgumentException("owner pid must be positive: " + ownerPid);
        }
        if (index < 0) {
            throw new IllegalArgumentException("link index must not be negative: " + index);
        }
        String longest = base(ownerPid, index) + "a";
        if (longest.length() > MAX_INTERFACE_NAME) {
            throw new IllegalArgumentException("interface name " + longest + " would exceed " + MAX_INTERFACE_NAME + " characters");
        }
    }

    /** The names of this process's link number {@code index}. */
    public static LinkNames forThisProcess(int index) {
        return new LinkNames(ProcessHandle.current().pid(), index);
    }

    /**
     * The owner pid of a namespace name made by {@link LinkNames}; empty for any other name.
     */
    public static Optional<Long> ownerOf(String namespace) {
        Matcher m = NAMESPACE.matcher(namespace);
        if (!m.matches() || m.group(1).startsWith("0") || (m.group(2) != null && m.group(2).startsWith("0"))) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(m.group(1)));
    }

    /** {@code wb<pid>} or {@code wb<pid>-<index+1>}. */
    public String base() {
        return base(ownerPid, index);
    }

    private static String base(long pid, int index) {
        return "wb" + pid + (index == 0 ? "" : "-" + (index + 1));
    }

    public String senderNamespace() {
        return base() + "tx";
    }

    public String receiverNamespace() {
        return base() + "rx";
    }

    public String senderInterface() {
        return base() + "a";
    }

    public String receiverInterface() {
        return base() + "b";
    }

    public InetAddress senderAddress() {
        return address(1);
    }

    public InetAddress receiverAddress() {
        return address(2);
    }

    /** {@code 198.18.<n>.1/30}, for {@code ip addr add}. */
    public String senderCidr() {
        return senderAddress().getHostAddress() + "/" + PREFIX_LENGTH;
    }

    public String receiverCidr() {
        return receiverAddress().getHostAddress() + "/" + PREFIX_LENGTH;
    }

    private InetAddress address(int host) {
        int subnet = index % 512;
        byte[] bytes = {(byte) 198, (byte) (18 + subnet / 256), (byte) (subnet % 256), (byte) host};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
