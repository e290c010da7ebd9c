package workbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.net.Network;
import workbench.harness.net.link.LinkProfile;
import workbench.harness.site.Destination;
import workbench.harness.site.HostProcesses;
import workbench.harness.site.Sites;
import workbench.workloads.ram.RamBacking;

/** The memory check with injected machine figures: no real 8 GiB needed. */
class MemoryBudgetTest {
    private static final long MIB = 1 << 20;
    private static final long GIB = 1L << 30;
    private static final HostProcesses LOOPBACK = new HostProcesses(1, 0);
    private static final MemoryBudget.Machine BIG_SHM = new MemoryBudget.Machine(-1, 24 * GIB);

    private static UserException refused(MemoryBudget budget, MemoryBudget.Machine machine) {
        UserException e = catchThrowableOfType(() -> budget.check(machine), UserException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(e.line()).doesNotContain("\n");
        return e;
    }

    @Test
    void anEightGibGuestOnLoopbackNeedsBothSidesAndTheirJvms() {
        MemoryBudget budget = new MemoryBudget(List.of(8 * GIB), LOOPBACK, RamBacking.SHM);
        // sender and receiver: 8 GiB + 256 MiB + 8 GiB / 32 each = 8704 MiB
        assertThatCode(() -> budget.check(new MemoryBudget.Machine(17408 * MIB, 24 * GIB))).doesNotThrowAnyException();
        UserException e = refused(budget, new MemoryBudget.Machine(17407 * MIB, 24 * GIB));
        assertThat(e.getMessage()).isEqualTo("not enough memory: this run's 2 process(es) here need about 17408 MiB "
                + "(the sender 8704 MiB, 1 receiver(s) 8704 MiB each: guest RAM plus each JVM's own), 17407 MiB is available");
        // 17407 MiB / 2 - 256 MiB, less its 1/33: the guest that would fit
        assertThat(e.hint()).startsWith("use a smaller --ram (about 8191M fits here now)");
    }

    @Test
    void linkAgentsHoldEveryGuestAndRemoteOrNullNetworksNothingHere() {
        // loopback + one link: this process and the agent hold both guests (3 GiB), two receivers the largest (2 GiB)
        MemoryBudget budget = new MemoryBudget(List.of(GIB, 2 * GIB), new HostProcesses(2, 1), RamBacking.DIRECT);
        long sender = 3 * GIB + 256 * MIB + 3 * GIB / 32;
        long receiver = 2 * GIB + 256 * MIB + 2 * GIB / 32;
        long need = 2 * sender + 2 * receiver;
        assertThatCode(() -> budget.check(new MemoryBudget.Machine(need, -1))).doesNotThrowAnyException();
        assertThat(refused(budget, new MemoryBudget.Machine(need - 1, -1)).getMessage())
                .contains("4 process(es)", "1 link agent(s)", "2 receiver(s)");
        assertThat(refused(budget, new MemoryBudget.Machine(need - 1, -1)).hint()).as("no single size to suggest")
                .isEqualTo("use a smaller --ram or fewer local networks, or free memory");
        // a remote serve and the null network start nothing here: the sender alone
        MemoryBudget alone = new MemoryBudget(List.of(8 * GIB), new HostProcesses(0, 0), RamBacking.DIRECT);
        assertThatCode(() -> alone.check(new MemoryBudget.Machine(8704 * MIB, -1))).doesNotThrowAnyException();
    }

    @Test
    void shmBackingNeedsDevShmSpaceForEveryProcessHoldingTheGuests() {
        MemoryBudget shm = new MemoryBudget(List.of(8 * GIB), new HostProcesses(1, 1), RamBacking.SHM);
        assertThatCode(() -> shm.check(new MemoryBudget.Machine(-1, 16 * GIB))).doesNotThrowAnyException();
        UserException e = refused(shm, new MemoryBudget.Machine(-1, 12 * GIB));
        assertThat(e.getMessage()).isEqualTo("/dev/shm has 12288 MiB free, but the sender's guests need 16384 MiB there "
                + "(8192 MiB in each of 2 process(es): this one and 1 link agent(s))");
        assertThat(e.hint()).contains("--backing direct", "--ram", "remount,size=");
        MemoryBudget direct = new MemoryBudget(List.of(8 * GIB), new HostProcesses(1, 1), RamBacking.DIRECT);
        assertThatCode(() -> direct.check(new MemoryBudget.Machine(-1, 0))).as("direct memory takes no /dev/shm")
                .doesNotThrowAnyException();
    }

    @Test
    void qemusRamFilesCountInMemoryAndInDevShm() {
        MemoryBudget qemu = new MemoryBudget(List.of(GIB), new HostProcesses(1, 0, true, true), RamBacking.DIRECT);
        assertThatCode(() -> qemu.check(new MemoryBudget.Machine(-1, 2 * GIB))).doesNotThrowAnyException();
        UserException e = refused(qemu, new MemoryBudget.Machine(-1, GIB));
        assertThat(e.getMessage()).isEqualTo("/dev/shm has 1024 MiB free, but the run needs 2048 MiB there (the sender's guests 0 MiB,"
                + " QEMU's RAM files 2048 MiB)");
        MemoryBudget without = new MemoryBudget(List.of(GIB), new HostProcesses(1, 0), RamBacking.DIRECT);
        long need = 2 * (GIB + MemoryBudget.jvmOverhead(GIB));
        assertThatCode(() -> without.check(new MemoryBudget.Machine(need, -1))).doesNotThrowAnyException();
        assertThat(refused(qemu, new MemoryBudget.Machine(need, -1)).getMessage()).contains("QEMU's RAM files in /dev/shm");
    }

    @Test
    void unknownFiguresAreNotCheckedAndHugeOnesNeverWrapAround() {
        MemoryBudget budget = new MemoryBudget(List.of(8 * GIB), LOOPBACK, RamBacking.SHM);
        assertThatCode(() -> budget.check(new MemoryBudget.Machine(-1, -1))).doesNotThrowAnyException();
        MemoryBudget huge = new MemoryBudget(List.of(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 8 * GIB), new HostProcesses(3, 1),
                RamBacking.DIRECT);
        assertThat(refused(huge, new MemoryBudget.Machine(24 * GIB, BIG_SHM.shmFree())).getMessage())
                .contains("need about " + Long.MAX_VALUE / MIB + " MiB");
    }

    @Test
    void underDestQemuNoReceiverChildIsCountedOnLoopbackOrOnALink() {
        List<Network> networks = List.of(new Network.Loopback(), new Network.Link(LinkProfile.GBE));
        assertThat(Sites.hostProcesses(networks, List.of(), Destination.WORKBENCH)).isEqualTo(new HostProcesses(2, 1, false, false));
        HostProcesses qemu = Sites.hostProcesses(networks, List.of(), Destination.QEMU);
        assertThat(qemu).isEqualTo(new HostProcesses(0, 1, false, true));
        // this process and the link's agent hold the guest (1 GiB + 288 MiB each); QEMU's destination file 1 GiB: 3648 MiB
        MemoryBudget budget = new MemoryBudget(List.of(GIB), qemu, RamBacking.DIRECT);
        assertThatCode(() -> budget.check(new MemoryBudget.Machine(3648 * MIB, -1))).doesNotThrowAnyException();
        assertThat(refused(budget, new MemoryBudget.Machine(3647 * MIB, -1)).getMessage()).isEqualTo("not enough memory: this run's"
                + " 2 process(es) here need about 3648 MiB (the sender 1312 MiB, 1 link agent(s) 1312 MiB each, QEMU's RAM files in"
                + " /dev/shm: guest RAM plus each JVM's own), 3647 MiB is available");
    }
}
