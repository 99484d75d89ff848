package dev.natconsole.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The seed's defaults, and subnet suggestions for zones whose blocks the user left blank. Suggestions take
 * equal blocks from the start of the VPC, public then private per AZ, skipping blocks already in use, so the
 * seed's values come out for a /16: 172.16.0.0/24 and 172.16.1.0/24 in the first AZ, the next pair in the second.
 */
public final class TopologyDefaults {

    public static final String VPC_CIDR = "172.16.0.0/16";
    public static final String REGION = "ap-northeast-1";

    private TopologyDefaults() {
    }

    /** The seed article's design for the given zones of a region. */
    public static TopologySpec seed(String name, Long targetId, String region, List<String> zoneNames) {
        List<ZoneSubnets> zones = zoneNames.stream().map(zone -> new ZoneSubnets(zone, null, null)).toList();
        return complete(new TopologySpec(name, targetId, region, VPC_CIDR, zones, null, null, null, null));
    }

    /** Fills every missing optional part with its default and suggests blank subnet blocks. */
    public static TopologySpec complete(TopologySpec spec) {
        NatInstanceSpec nat = spec.nat() == null ? NatInstanceSpec.defaults() : spec.nat();
        if (nat.instanceType() == null || nat.instanceType().isBlank() || nat.image() == null) {
            nat = new NatInstanceSpec(blankToNull(nat.instanceType()) == null ? InstanceTypes.DEFAULT : nat.instanceType(),
                    nat.image() == null ? ImageChoice.AMAZON_LINUX_2023 : nat.image(), nat.amiId(),
                    nat.sshAdminCidr(), nat.sshOpenToWorldConfirmed(), nat.keyPairName());
        }
        if (nat.image() != ImageChoice.CUSTOM_AMI && nat.amiId() != null) {
            nat = new NatInstanceSpec(nat.instanceType(), nat.image(), null, nat.sshAdminCidr(),
                    nat.sshOpenToWorldConfirmed(), nat.keyPairName());
        }
        nat = new NatInstanceSpec(nat.instanceType(), nat.image(), blankToNull(nat.amiId()),
                blankToNull(nat.sshAdminCidr()), nat.sshOpenToWorldConfirmed(), blankToNull(nat.keyPairName()));
        TopologyOptions options = spec.options() == null ? TopologyOptions.none() : spec.options();
        options = new TopologyOptions(options.flowLogs(), blankToNull(options.flowLogsRoleArn()),
                options.testServer(), options.allowIcmp());
        String vpcCidr = blankToNull(spec.vpcCidr()) == null ? VPC_CIDR : spec.vpcCidr().trim();
        return new TopologySpec(spec.name() == null ? null : spec.name().trim(), spec.targetId(),
                blankToNull(spec.region()) == null ? REGION : spec.region().trim(), vpcCidr,
                suggestSubnets(vpcCidr, spec.availabilityZones()),
                spec.natLayout() == null ? NatLayout.NAT_INSTANCE_PER_AZ : spec.natLayout(),
                spec.privateRouting() == null ? PrivateRouting.ROUTE_TABLE_PER_AZ : spec.privateRouting(),
                nat, options);
    }

    /** Zones with every blank block replaced by a free block of the VPC; given blocks are kept as they are. */
    public static List<ZoneSubnets> suggestSubnets(String vpcCidr, List<ZoneSubnets> zones) {
        if (zones == null || zones.isEmpty()) {
            return List.of();
        }
        zones = zones.stream().map(zone -> zone == null ? new ZoneSubnets(null, null, null) : zone).toList();
        var vpc = Cidr.parse(vpcCidr);
        Set<Cidr> taken = new HashSet<>();
        for (ZoneSubnets zone : zones) {
            Cidr.parse(zone.publicSubnetCidr()).ifPresent(taken::add);
            Cidr.parse(zone.privateSubnetCidr()).ifPresent(taken::add);
        }
        List<Cidr> free = new ArrayList<>();
        if (vpc.isPresent()) {
            int prefix = suggestedPrefix(vpc.get(), zones.size());
            if (prefix >= vpc.get().prefix()) {
                vpc.get().split(prefix).stream()
                        .filter(block -> taken.stream().noneMatch(block::overlaps))
                        .forEach(free::add);
            }
        }
        var next = free.iterator();
        List<ZoneSubnets> completed = new ArrayList<>();
        for (ZoneSubnets zone : zones) {
            String publicCidr = blankToNull(zone.publicSubnetCidr());
            String privateCidr = blankToNull(zone.privateSubnetCidr());
            if (publicCidr == null && next.hasNext()) {
                publicCidr = next.next().toString();
            }
            if (privateCidr == null && next.hasNext()) {
                privateCidr = next.next().toString();
            }
            completed.add(new ZoneSubnets(zone.name() == null ? null : zone.name().trim(),
                    publicCidr == null ? null : publicCidr.trim(), privateCidr == null ? null : privateCidr.trim()));
        }
        return completed;
    }

    /** /24 blocks where they fit (the seed's size), smaller ones in small VPCs, never below AWS's /28. */
    static int suggestedPrefix(Cidr vpc, int zoneCount) {
        int bitsNeeded = 32 - Integer.numberOfLeadingZeros(Math.max(1, 2 * zoneCount - 1));
        return Math.min(28, Math.max(24, vpc.prefix() + bitsNeeded));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
