/**
 * Floor 5: where a network's trials run. {@link workbench.harness.site.Sites} is the one place that
 * switches on the kind of network: it opens a {@link workbench.harness.site.LocalSite} (this process
 * and its peer) or, for an emulated link, a sender agent inside the link's namespace; everything
 * above talks to {@link workbench.harness.site.Site} only.
 */
package workbench.harness.site;
