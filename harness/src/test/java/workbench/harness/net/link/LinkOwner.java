package workbench.harness.net.link;

/**
 * Test main: creates an emulated link from the spec in args[0], prints "sender-namespace receiver-namespace",
 * then waits to be signalled (SIGTERM must clean up through the shutdown hook; SIGKILL leaves leftovers).
 */
public final class LinkOwner {

    private LinkOwner() {
    }

    public static void main(String[] args) throws Exception {
        EmulatedLink link = EmulatedLink.create(LinkProfile.parse(args[0]));
        System.out.println(link.senderNamespace() + " " + link.receiverNamespace());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
