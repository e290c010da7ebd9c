/**
 * Floor 3: who receives a trial — {@link workbench.harness.peer.Peer} and its
 * {@link workbench.harness.peer.Reception} of one trial: a {@code workbench serve} child or a remote
 * one ({@link workbench.harness.peer.ServePeer}), nobody ({@link workbench.harness.peer.NullPeer}),
 * later a QEMU destination. Tests decorate a peer to inject faults. Imports {@code net} and below;
 * never {@code serve}, which is the other end of the wire.
 */
package workbench.harness.peer;
