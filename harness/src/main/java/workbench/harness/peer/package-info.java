/**
 * Floor 3: who receives a trial — {@link workbench.harness.peer.Peer} and its
 * {@link workbench.harness.peer.Reception} of one trial: a {@code workbench serve} child or a remote
 * one ({@link workbench.harness.peer.ServePeer}), nobody ({@link workbench.harness.peer.NullPeer}),
 * a real QEMU 7.2 destination ({@link workbench.harness.peer.QemuPeer}, on {@code qemu}'s launcher
 * and QMP client). Tests decorate a peer to inject faults. Imports {@code net}, {@code qemu} and below;
 * never {@code serve}, which is the other end of the wire.
 */
package workbench.harness.peer;
