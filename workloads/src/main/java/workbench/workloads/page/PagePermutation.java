package workbench.workloads.page;

/**
 * A seeded bijection of [0, n): a balanced Feistel network on the next even power of two,
 * cycle-walked back into range. Ranking units through it gives exact class counts with
 * scattered placement, computable for any page independently (so generation runs in parallel).
 */
public final class PagePermutation {
    private static final int ROUNDS = 4;
    private final long n;
    private final long key;
    private final int halfBits;
    private final long halfMask;

    public PagePermutation(long n, long key) {
        if (n <= 0) {
            throw new IllegalArgumentException("permutation domain must be positive: " + n);
        }
        this.n = n;
        this.key = key;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1));
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1L << halfBits) - 1;
    }

    public long size() {
        return n;
    }

    public long apply(long x) {
        if (x < 0 || x >= n) {
            throw new IndexOutOfBoundsException(x + " outside [0, " + n + ")");
        }
        long y = x;
        do {
            y = feistel(y);
        } while (y >= n);
        return y;
    }

    private long feistel(long x) {
        long left = x >>> halfBits;
        long right = x & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ (Mix.mix(key, round, right) & halfMask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }
}
