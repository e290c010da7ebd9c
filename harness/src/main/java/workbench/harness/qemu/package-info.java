/**
 * Floor 2: a real QEMU 7.2 — {@link workbench.harness.qemu.QemuProcess} starts one ({@code -M none},
 * RAM in file-backed memory backends, QMP on a Unix socket the caller names),
 * {@link workbench.harness.qemu.Qmp} talks to it (commands, replies, events), and
 * {@link workbench.harness.qemu.Migration} drives a migration over QMP (capabilities, parameters,
 * {@code migrate-incoming}, {@code migrate}, the {@code MIGRATION} event, query-migrate's figures).
 * {@link workbench.harness.qemu.IncomingQemu} and {@link workbench.harness.qemu.OutgoingQemu} are a
 * destination and a source ready to migrate; {@link workbench.harness.qemu.QemuFiles} and
 * {@link workbench.harness.qemu.SourceImages} own their /dev/shm RAM files (and sweep those of killed
 * runs). Knows nothing of peers or trials: the QEMU destination ({@code peer.QemuPeer}) and the QEMU
 * baselines build on it. Imports {@code failure}, the guest RAM and the results model.
 */
package workbench.harness.qemu;
