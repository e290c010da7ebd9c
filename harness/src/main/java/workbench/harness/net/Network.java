package workbench.harness.net;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import workbench.harness.net.link.LinkProfile;

/** Where a trial's stream travels. One run may measure several, interleaved. */
public sealed interface Network {
    /** TCP over 127.0.0.1 to a receiver child */
    record Loopback() implements Network {
        @Override
        public String label() {
            return "loopback";
        }
    }

    /** a Unix-domain stream socket to a receiver child */
    record Unix() implements Network {
        @Override
        public String label() {
            return "unix";
        }
    }

    /** the sender writes into a discarding channel: the sender-side ceiling, no receiver, unverified */
    record Null() implements Network {
        @Override
        public String label() {
            return "null";
        }
    }

    /** {@code workbench serve} on another host: real NICs */
    record Remote(InetSocketAddress control) implements Network {
        @Override
        public String label() {
            return "tcp://" + control.getHostString() + ":" + control.getPort();
        }
    }

    /** an emulated link: namespaces, a veth pair, tbf and an MTU; the sender runs in its own namespace */
    record Link(LinkProfile profile) implements Network {
        @Override
        public String label() {
            return profile.label();
        }
    }

    /** the name shown in tables and recorded in results */
    String label();

    /**
     * "loopback,unix,null,tcp://host:port,link:gbe,link:rate=2.5gbit,mtu=9000": a link's own
     * key=value settings follow it, so a token with '=' that names no network belongs to the one before.
     */
    static List<Network> parseList(String text) {
        List<String> parts = new ArrayList<>();
        for (String token : text.split(",")) {
            String t = token.trim();
            boolean setting = t.contains("=") && !t.startsWith(LinkProfile.PREFIX) && !t.startsWith("tcp://");
            if (setting && !parts.isEmpty() && parts.get(parts.size() - 1).startsWith(LinkProfile.PREFIX)) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "," + t);
            } else {
                parts.add(t);
            }
        }
        List<Network> out = new ArrayList<>();
        for (String part : parts) {
            Network n = parse(part);
            if (out.stream().anyMatch(o -> o.label().equals(n.label()))) {
                throw new IllegalArgumentException("network '" + n.label() + "' is listed twice in --net");
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    static Network parse(String s) {
        return switch (s) {
            case "loopback" -> new Loopback();
            case "unix" -> new Unix();
            case "null" -> new Null();
            default -> {
                if (s.startsWith("tcp://")) {
                    yield new Remote(hostPort(s.substring(6)));
                }
                if (s.startsWith(LinkProfile.PREFIX)) {
                    yield new Link(LinkProfile.parse(s));
                }
                throw new IllegalArgumentException("unknown network '" + s
                        + "' (known: loopback, unix, null, tcp://HOST:PORT, " + LinkProfile.FORMS + ")");
            }
        };
    }

    private static InetSocketAddress hostPort(String s) {
        int colon = s.lastIndexOf(':');
        try {
            int port = Integer.parseInt(s.substring(colon + 1));
            if (colon <= 0 || port <= 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return InetSocketAddress.createUnresolved(s.substring(0, colon).replace("[", "").replace("]", ""), port);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'tcp://" + s + "' is not tcp://HOST:PORT");
        }
    }
}
