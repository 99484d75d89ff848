package dev.natconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @Test
    void parsesAndPrintsTheSeedsBlocks() {
        Cidr vpc = Cidr.of("172.16.0.0/16");
        assertThat(vpc.prefix()).isEqualTo(16);
        assertThat(vpc.size()).isEqualTo(65_536);
        assertThat(vpc).hasToString("172.16.0.0/16");
        assertThat(vpc.address(vpc.size() - 1)).isEqualTo("172.16.255.255");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0", "10.0.0/16", "256.0.0.0/8", "10.0.0.0/33", "10.0.0.0/-1", "a.b.c.d/8",
            "10.0.0.0/16/1", "010.0.0.0/8", "10.0.0.0/08", " /16", "10..0.0/16", "10.0.0.0/"})
    void rejectsMalformedBlocks(String text) {
        assertThat(Cidr.parse(text)).isEmpty();
        assertThatThrownBy(() -> Cidr.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesHostBitsAndSuggestsTheNetwork() {
        assertThat(Cidr.parse("172.16.1.0/16")).isEmpty();
        assertThat(Cidr.explain("172.16.1.0/16")).contains("did you mean 172.16.0.0/16");
    }

    @Test
    void containsAndOverlaps() {
        Cidr vpc = Cidr.of("172.16.0.0/16");
        Cidr subnet = Cidr.of("172.16.1.0/24");
        assertThat(vpc.contains(subnet)).isTrue();
        assertThat(subnet.contains(vpc)).isFalse();
        assertThat(vpc.contains(Cidr.of("172.17.0.0/24"))).isFalse();
        assertThat(subnet.overlaps(vpc)).isTrue();
        assertThat(Cidr.of("172.16.0.0/24").overlaps(subnet)).isFalse();
        assertThat(Cidr.of("0.0.0.0/0").contains(subnet)).isTrue();
    }

    @Test
    void splitsIntoConsecutiveBlocks() {
        assertThat(Cidr.of("10.0.0.0/22").split(24)).extracting(Cidr::toString)
                .containsExactly("10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24");
        assertThat(Cidr.of("10.0.0.0/24").split(24)).containsExactly(Cidr.of("10.0.0.0/24"));
        assertThatThrownBy(() -> Cidr.of("10.0.0.0/24").split(23)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsTheRfc1918Ranges() {
        assertThat(List.of("10.1.0.0/16", "172.31.0.0/16", "192.168.10.0/24"))
                .allSatisfy(block -> assertThat(Cidr.of(block).isPrivate()).isTrue());
        assertThat(List.of("172.32.0.0/16", "8.8.8.0/24", "172.0.0.0/8"))
                .allSatisfy(block -> assertThat(Cidr.of(block).isPrivate()).isFalse());
    }
}
