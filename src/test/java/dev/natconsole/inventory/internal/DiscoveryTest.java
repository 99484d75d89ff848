package dev.natconsole.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

class DiscoveryTest {

    @Test
    void filterValuesGoInChunksOfTwoHundred() {
        List<String> ids = IntStream.range(0, 450).mapToObj(i -> "i-" + i).toList();
        assertThat(Discovery.chunks(ids)).extracting(List::size).containsExactly(200, 200, 50);
        assertThat(Discovery.chunks(List.of())).isEmpty();
    }

    @Test
    void permissionsAreFlattenedToOneRulePerPeer() {
        List<Network.Rule> rules = Discovery.rules(List.of(
                IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                        .ipRanges(IpRange.builder().cidrIp("10.0.1.0/24").build(),
                                IpRange.builder().cidrIp("10.0.3.0/24").build())
                        .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build(),
                IpPermission.builder().ipProtocol("-1")
                        .userIdGroupPairs(UserIdGroupPair.builder().groupId("sg-1").build()).build()));
        assertThat(rules).containsExactly(
                Network.Rule.cidr("tcp", 443, 443, "10.0.1.0/24"), Network.Rule.cidr("tcp", 443, 443, "10.0.3.0/24"),
                Network.Rule.cidr("tcp", 443, 443, "::/0"), new Network.Rule("-1", -1, -1, null, "sg-1"));
    }
}
