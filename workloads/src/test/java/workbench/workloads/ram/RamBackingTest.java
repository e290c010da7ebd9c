package workbench.workloads.ram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RamBackingTest {
    private static final int PAGE = 4096;
    private static final List<BlockSpec> TWO_BLOCKS = List.of(new BlockSpec("mem0", 64L * PAGE), new BlockSpec("pc.rom", 3L * PAGE));

    @Test
    void shmBlockFileHoldsThePageBytesAtTheirOffset() throws IOException {
        try (GuestRam ram = GuestRam.allocate(TWO_BLOCKS, PAGE, RamBacking.SHM)) {
            assertThat(ram.backing()).isEqualTo(RamBacking.SHM);
            for (RamBlock block : ram.blocks()) {
                for (int p = 0; p < block.pageCount(); p++) {
                    ByteBuffer page = block.page(p);
                    for (int i = 0; i < PAGE; i++) {
                        page.put(i, (byte) (p * 31 + i * 7 + block.name().length()));
                    }
                }
            }
            for (RamBlock block : ram.blocks()) {
                FileChannel file = block.file().orElseThrow();
                assertThat(file.size()).isEqualTo(block.length());
                for (int p = 0; p < block.pageCount(); p++) {
                    assertThat(block.fileOffset(p)).isEqualTo((long) p * PAGE);
                    assertThat(read(file, block.fileOffset(p))).as("%s page %d", block.name(), p).isEqualTo(block.page(p));
                }
            }
        }
    }

    @Test
    void shmFilesAreUnlinkedButKeptOpenUntilClose() throws IOException {
        GuestRam ram = GuestRam.allocate(TWO_BLOCKS, PAGE, RamBacking.SHM);
        List<String> held = openRamFiles();
        assertThat(held).hasSizeGreaterThanOrEqualTo(2).allSatisfy(target -> assertThat(target).endsWith(" (deleted)"));
        try (Stream<Path> shm = Files.list(Path.of("/dev/shm"))) {
            List<String> present = shm.map(Path::toString).toList();
            assertThat(held).allSatisfy(target -> assertThat(present).doesNotContain(target.replace(" (deleted)", "")));
        }
        ram.close();
        ram.close();
        assertThat(ram.blocks()).allSatisfy(b -> assertThat(b.file().orElseThrow().isOpen()).isFalse());
        assertThat(openRamFiles()).hasSize(held.size() - 2);
        ram.blocks().get(0).page(5).put(0, (byte) 9); // the mapping outlives the channel
        assertThat(ram.blocks().get(0).page(5).get(0)).isEqualTo((byte) 9);
    }

    @Test
    void directBlocksHaveNoFile() {
        try (GuestRam ram = GuestRam.allocate(TWO_BLOCKS, PAGE, RamBacking.DIRECT)) {
            assertThat(ram.blocks()).allSatisfy(b -> assertThat(b.file()).isEmpty());
        }
    }

    @Test
    void directBeyondTheCapIsRefusedBeforeAllocating() {
        long cap = RamBacking.directMemoryCap();
        long tooMuch = (cap / PAGE + 1) * PAGE;
        String message = "exceeds the JVM's direct-memory cap of " + (cap >> 20) + " MiB; use --backing shm or auto";
        assertThatThrownBy(() -> BackingChoice.DIRECT.resolve(tooMuch))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
        assertThatThrownBy(() -> GuestRam.allocate(List.of(new BlockSpec("mem0", tooMuch)), PAGE, RamBacking.DIRECT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
        assertThat(BackingChoice.DIRECT.resolve(1 << 20)).isEqualTo(RamBacking.DIRECT);
    }

    @Test
    void choicesResolveAsTold() {
        long cap = RamBacking.directMemoryCap();
        assertThat(BackingChoice.AUTO.resolve(1 << 20)).isEqualTo(RamBacking.DIRECT);
        assertThat(BackingChoice.AUTO.resolve(cap)).isEqualTo(RamBacking.SHM).isEqualTo(RamBacking.forSize(cap));
        assertThat(BackingChoice.SHM.resolve(1 << 20)).isEqualTo(RamBacking.SHM);
        assertThatThrownBy(() -> BackingChoice.SHM.resolve(Long.MAX_VALUE / 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not fit in /dev/shm");
        assertThat(BackingChoice.parse("Auto")).isEqualTo(BackingChoice.AUTO);
        assertThat(BackingChoice.parse("shm")).isEqualTo(BackingChoice.SHM);
        assertThatThrownBy(() -> BackingChoice.parse("tmpfs"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[auto, direct, shm]");
    }

    @Test
    void aReservationBeyondTheFreeSpaceOfDevShmFailsInOneLineAndLeavesNoFile() throws IOException {
        // what a second run meets when a first took the room after both checked it: the check is
        // skipped here (allocate is the step after it), and tmpfs refuses more than its size at once
        long total = Files.getFileStore(Path.of("/dev/shm")).getTotalSpace();
        long tooMuch = (total / PAGE + 1024) * PAGE;
        List<String> before = shmRamNames();
        int held = openRamFiles().size();
        assertThatThrownBy(() -> RamBacking.SHM.allocate("pc.ram", tooMuch, RamBlock.CHUNK_BYTES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot reserve " + (tooMuch >> 20) + " MiB of /dev/shm for guest RAM block pc.ram (")
                .hasMessageMatching("[^\\n]*\\d+ MiB free, fallocate: [^\\n]*No space left on device\\); use a smaller --ram,"
                        + " wait for the other users of /dev/shm to finish, or enlarge it \\(mount -o remount,size=…\\)");
        assertThat(shmRamNames()).isSubsetOf(before);
        assertThat(openRamFiles()).hasSize(held);
    }

    @Test
    void aShmBlockIsAllocatedWholeNotSparse() throws IOException, InterruptedException {
        long block = 16L << 20;
        List<Path> fdsBefore = openRamDescriptors();
        try (GuestRam ram = GuestRam.allocate(List.of(new BlockSpec("mem0", block)), PAGE, RamBacking.SHM)) {
            assertThat(ram.blocks().get(0).file().orElseThrow().size()).isEqualTo(block);
            List<Path> added = new ArrayList<>(openRamDescriptors());
            added.removeAll(fdsBefore);
            assertThat(added).hasSize(1);
            // st_blocks of the unlinked file, read through this process's descriptor: every page already taken
            Process stat = new ProcessBuilder("stat", "-L", "-c", "%b %B",
                    "/proc/" + ProcessHandle.current().pid() + "/fd/" + added.get(0).getFileName()).start();
            String[] blocks = new String(stat.getInputStream().readAllBytes()).strip().split(" ");
            assertThat(stat.waitFor()).isZero();
            assertThat(Long.parseLong(blocks[0]) * Long.parseLong(blocks[1])).isGreaterThanOrEqualTo(block);
        }
    }

    private static List<String> shmRamNames() throws IOException {
        try (Stream<Path> shm = Files.list(Path.of("/dev/shm"))) {
            return shm.map(Path::toString).filter(n -> n.startsWith("/dev/shm/workbench-ram-")).toList();
        }
    }

    static ByteBuffer read(FileChannel file, long offset) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(PAGE);
        while (buf.hasRemaining()) {
            if (file.read(buf, offset + buf.position()) < 0) {
                break;
            }
        }
        return buf.flip();
    }

    /** what this process's open descriptors point at among our /dev/shm files */
    private static List<String> openRamFiles() throws IOException {
        List<String> out = new ArrayList<>();
        for (Path fd : openRamDescriptors()) {
            try {
                out.add(Files.readSymbolicLink(fd).toString());
            } catch (IOException gone) {
                // closed since the listing
            }
        }
        return out;
    }

    /** this process's open descriptors of our /dev/shm files */
    private static List<Path> openRamDescriptors() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("/dev/shm/workbench-ram-")) {
                        out.add(fd);
                    }
                } catch (IOException gone) {
                    // the listing's own descriptor, closed by now
                }
            }
        }
        return out;
    }
}
