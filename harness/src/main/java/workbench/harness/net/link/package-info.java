/**
 * Emulated links: network namespaces of this process joined by a veth pair, shaped with
 * {@code tbf} and an MTU (DESIGN.md "Networks"). Rate and MTU only: no delay or loss (netem is
 * missing on this kernel).
 *
 * <pre>{@code
 * IpCommand.checkReady();                                   // before trial 1: root, ip, tc (exit 3 otherwise)
 * LinkProfile profile = LinkProfile.parse("link:gbe");      // IllegalArgumentException -> exit 2
 * try (EmulatedLink link = EmulatedLink.create(profile)) {  // also removes dead owners' leftovers
 *     List<String> receiver = link.exec(link.receiverNamespace(), javaCommandLine);  // ip netns exec wb<pid>rx ...
 *     manifest.putAll(link.facts());                         // MTU, qdisc, cc, tcp_wmem/rmem, read back
 *     long before = EmulatedLink.retransmits(link.senderNamespace());
 *     ... connect from inside link.senderNamespace() to link.receiverAddress() ...
 * }                                                         // namespaces and veths gone (also on Ctrl-C)
 * }</pre>
 *
 * <p>The sender's sockets must be opened by a process inside {@link workbench.harness.net.link.EmulatedLink#senderNamespace()}
 * (the host has no route to 198.18.0.0/15 through the link): run the whole sender there with
 * {@code exec}, as the tests do.
 */
package workbench.harness.net.link;
