package dev.natconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CidrProperties {

    @Provide
    Arbitrary<Cidr> blocks() {
        return Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.integers().between(0, 32))
                .as((address, prefix) -> {
                    long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
                    return new Cidr(address & mask, prefix);
                });
    }

    @Property
    void printingThenParsingGivesTheSameBlock(@ForAll("blocks") Cidr block) {
        assertThat(Cidr.of(block.toString())).isEqualTo(block);
    }

    @Property
    void aBlockContainsItselfAndOverlapIsSymmetric(@ForAll("blocks") Cidr a, @ForAll("blocks") Cidr b) {
        assertThat(a.contains(a)).isTrue();
        assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a));
        // Two blocks overlap exactly when their address ranges intersect.
        boolean rangesIntersect = a.network() <= b.lastAddress() && b.network() <= a.lastAddress();
        assertThat(a.overlaps(b)).isEqualTo(rangesIntersect);
    }

    @Property
    void splittingCoversTheBlockExactlyWithDisjointChildren(@ForAll("blocks") Cidr block,
            @ForAll @IntRange(min = 0, max = 6) int extraBits) {
        int newPrefix = Math.min(32, block.prefix() + extraBits);
        List<Cidr> children = block.split(newPrefix);
        assertThat(children).hasSize(1 << (newPrefix - block.prefix()));
        assertThat(children).allSatisfy(child -> assertThat(block.contains(child)).isTrue());
        assertThat(children.stream().mapToLong(Cidr::size).sum()).isEqualTo(block.size());
        for (int i = 1; i < children.size(); i++) {
            assertThat(children.get(i - 1).overlaps(children.get(i))).isFalse();
            assertThat(children.get(i).network()).isEqualTo(children.get(i - 1).lastAddress() + 1);
        }
    }
}
