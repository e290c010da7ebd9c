package workbench.harness.stream;

import static workbench.harness.stream.StreamFormat.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import workbench.harness.io.StreamSource;
import workbench.workloads.ram.BlockSpec;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;

/** TEMPORARY STUB: our own streams only. */
public final class StreamDecoder {
    private final StreamSource in;
    private final RamTarget target;

    public StreamDecoder(StreamSource in, RamTarget target) {
        this.in = in;
        this.target = target;
    }

    public Decoded decode() throws IOException, StreamFormatException {
        if (in.readBe32() != MAGIC || in.readBe32() != VERSION) throw new StreamFormatException(in.offset(), "magic", "?");
        in.readByte();
        in.readBytes(in.readBe32());
        GuestRam ram = null;
        RamBlock last = null;
        long zero = 0, page = 0;
        while (true) {
            int type = in.readByte();
            if (type == EOF) break;
            in.readBe32();
            if (type == SECTION_START || type == SECTION_FULL) {
                String id = new String(in.readBytes(in.readByte()), StandardCharsets.US_ASCII);
                in.readBe32(); in.readBe32();
                if (!id.equals("ram")) {
                    in.readBytes(id.equals("timer") ? 24 : 104);
                    in.readByte(); in.readBe32();
                    continue;
                }
            }
            while (true) {
                long w = in.readBe64();
                long flags = w & FLAG_MASK;
                if ((flags & RAM_EOS) != 0) break;
                if ((flags & RAM_MEM_SIZE) != 0) {
                    long total = w & ~FLAG_MASK; long sum = 0;
                    List<BlockSpec> blocks = new ArrayList<>();
                    while (sum < total) {
                        String n = new String(in.readBytes(in.readByte()), StandardCharsets.UTF_8);
                        long len = in.readBe64(); sum += len; blocks.add(new BlockSpec(n, len));
                    }
                    ram = target.onBlockList(blocks);
                    continue;
                }
                if ((flags & RAM_CONTINUE) == 0) last = ram.block(new String(in.readBytes(in.readByte()), StandardCharsets.UTF_8));
                int p = (int) ((w & ~FLAG_MASK) / ram.pageSize());
                ByteBuffer pg = last.page(p);
                if ((flags & RAM_ZERO) != 0) { byte f = (byte) in.readByte(); while (pg.hasRemaining()) pg.put(f); zero++; }
                else { in.readInto(pg); page++; }
            }
            in.readByte(); in.readBe32();
        }
        int vm = -1;
        if (in.peekByte() == VMDESCRIPTION) { in.readByte(); vm = in.readBe32(); in.readBytes(vm); }
        return new Decoded(ram, List.of(), new RecordCounts(zero, 0, page, 0, 0), vm, in.offset());
    }
}
