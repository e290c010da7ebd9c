package workbench.workloads.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PagePermutationTest {
    @Property(tries = 200)
    void isABijectionOfItsDomain(@ForAll @IntRange(min = 1, max = 5000) int n, @ForAll long key) {
        PagePermutation perm = new PagePermutation(n, key);
        BitSet seen = new BitSet(n);
        for (int i = 0; i < n; i++) {
            long y = perm.apply(i);
            assertThat(y).isBetween(0L, n - 1L);
            seen.set((int) y);
        }
        assertThat(seen.cardinality()).isEqualTo(n);
    }

    @Property(tries = 50)
    void differentKeysGiveDifferentOrders(@ForAll @IntRange(min = 64, max = 5000) int n, @ForAll long key) {
        PagePermutation a = new PagePermutation(n, key);
        PagePermutation b = new PagePermutation(n, key + 1);
        int same = 0;
        for (int i = 0; i < n; i++) {
            same += a.apply(i) == b.apply(i) ? 1 : 0;
        }
        assertThat(same).isLessThan(n / 4);
    }
}
