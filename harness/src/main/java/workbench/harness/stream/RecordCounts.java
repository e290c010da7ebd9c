package workbench.harness.stream;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The RAM records a stream carried (MEM_SIZE and EOS aside).
 *
 * @param zero                   ZERO records (a page filled with one byte)
 * @param zeroNonzeroFill        of those, records whose fill byte is not 0 (2010-style dup pages)
 * @param page                   PAGE records (a whole page)
 * @param pageWithUniformContent of those, pages whose bytes are all one value
 * @param blockIdstrSent         records without CONTINUE, which name their block
 * @param run                    run records of the workbench's page-run extension, each counting its pages
 *                               in {@code page} (left out of JSON when 0: QEMU's streams have none)
 */
public record RecordCounts(long zero, long zeroNonzeroFill, long page, long pageWithUniformContent, long blockIdstrSent,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) long run) {
}
