package workbench.harness.stream;

public record RecordCounts(long zero, long zeroNonzeroFill, long page, long pageWithUniformContent, long blockIdstrSent) {
}
