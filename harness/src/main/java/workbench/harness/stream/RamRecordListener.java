package workbench.harness.stream;

import java.nio.ByteBuffer;

/** Sees each ZERO/PAGE record after its page landed in RAM (tests compare record sequences with it). */
interface RamRecordListener {
    RamRecordListener NONE = (word, named, fill, page) -> {
    };

    /**
     * @param word  the record's be64 offset|flags word
     * @param named true when the record carried its block idstr (no CONTINUE)
     * @param fill  the ZERO record's fill byte, or -1 for a PAGE record
     * @param page  the page in RAM (read it with absolute gets)
     */
    void record(long word, boolean named, int fill, ByteBuffer page);
}
