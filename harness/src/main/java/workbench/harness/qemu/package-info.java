/**
 * Floor 2: a real QEMU 7.2 — {@link workbench.harness.qemu.QemuProcess} starts one ({@code -M none},
 * RAM in file-backed memory backends, QMP on a Unix socket the caller names),
 * {@link workbench.harness.qemu.Qmp} talks to it (commands, replies, events), and
 * {@link workbench.harness.qemu.Migration} drives a migration over QMP (capabilities, parameters,
 * {@code migrate-incoming}, the {@code MIGRATION} event). Knows nothing of peers or trials: the QEMU
 * destination ({@code peer.QemuPeer}) and QEMU baselines build on it. Imports only {@code failure}.
 */
package workbench.harness.qemu;
