package workbench.workloads.page;

/** SplitMix64 finaliser: the one hash behind every seeded choice in synthetic RAM. */
public final class Mix {
    private Mix() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static long mix(long a, long b) {
        return mix(a * 0x9e3779b97f4a7c15L + mix(b));
    }

    public static long mix(long a, long b, long c) {
        return mix(mix(a, b), c);
    }
}
