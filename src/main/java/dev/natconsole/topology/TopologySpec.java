package dev.natconsole.topology;

import java.util.List;

/**
 * Everything a user designs about a topology: where it goes, its address plan and its NAT. A valid spec is
 * one {@link TopologyValidator} accepted; plans and cost estimates are computed from it.
 */
public record TopologySpec(String name, Long targetId, String region, String vpcCidr, List<ZoneSubnets> availabilityZones,
        NatLayout natLayout, PrivateRouting privateRouting, NatInstanceSpec nat, TopologyOptions options) {

    public TopologySpec {
        availabilityZones = availabilityZones == null ? List.of() : List.copyOf(availabilityZones);
    }

    /** The availability zones that hold a NAT (instance or gateway): one per AZ, or the first AZ when shared. */
    public List<ZoneSubnets> natZones() {
        return natLayout == NatLayout.SHARED_NAT_INSTANCE ? availabilityZones.subList(0, 1) : availabilityZones;
    }

    /** The zone whose NAT serves {@code zone}'s private subnet. */
    public ZoneSubnets natZoneFor(ZoneSubnets zone) {
        return natLayout == NatLayout.SHARED_NAT_INSTANCE ? availabilityZones.get(0) : zone;
    }
}
