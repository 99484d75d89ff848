package dev.natconsole.inventory.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.natconsole.inventory.Finding;
import dev.natconsole.inventory.Health;
import dev.natconsole.inventory.NatGateway;
import dev.natconsole.inventory.NatInstance;
import dev.natconsole.inventory.ServedSubnet;

/** Turns a region's network into what the API shows: NAT instances, NAT Gateways and findings. */
public final class Views {

    private Views() {
    }

    /** The NAT paths of one region and their findings, for one expected traffic. */
    public record Derived(List<NatInstance> natInstances, List<NatGateway> natGateways, List<Finding> findings) {
    }

    public static String stableId(long targetId, String region, String awsId) {
        return targetId + ":" + region + ":" + awsId;
    }

    public static Derived derive(long targetId, Network network, double expectedMbps, Instant now) {
        NatPaths paths = NatPaths.of(network);
        List<Finding> findings = Checks.run(new CheckContext(targetId, paths, expectedMbps, now));
        Map<String, List<Finding>> byPath = findings.stream().filter(f -> f.natPathId() != null)
                .collect(Collectors.groupingBy(Finding::natPathId));
        List<NatInstance> instances = paths.instances().stream()
                .map(path -> instance(targetId, network, path, byPath.getOrDefault(path.id(), List.of()), now))
                .toList();
        List<NatGateway> gateways = paths.gateways().stream()
                .map(path -> gateway(targetId, network, path, byPath.getOrDefault(path.id(), List.of())))
                .toList();
        return new Derived(instances, gateways, findings);
    }

    private static NatInstance instance(long targetId, Network network, NatPaths.NatPath path, List<Finding> findings,
            Instant now) {
        Network.Instance instance = path.instance();
        Network.Image image = instance.imageId() == null ? null : network.images().get(instance.imageId());
        NatInstance.ImageSummary imageSummary = instance.imageId() == null ? null : image == null
                ? new NatInstance.ImageSummary(instance.imageId(), null, null, null, null, false, false)
                : new NatInstance.ImageSummary(image.id(), image.name(), image.ownerId(), image.creationDate(),
                        image.creationDate() == null ? null : Duration.between(image.creationDate(), now).toDays(),
                        image.deprecationTime() != null && !image.deprecationTime().isAfter(now),
                        Checks.endOfLife(image));
        boolean elastic = network.addresses().stream().anyMatch(a -> instance.id().equals(a.instanceId()));
        List<NatInstance.SecurityGroupSummary> groups = instance.securityGroupIds().stream()
                .map(id -> {
                    Network.SecurityGroup group = network.securityGroups().get(id);
                    return group == null ? new NatInstance.SecurityGroupSummary(id, null, List.of(), List.of())
                            : new NatInstance.SecurityGroupSummary(id, group.name(), rules(group.ingress()),
                                    rules(group.egress()));
                })
                .toList();
        return new NatInstance(stableId(targetId, network.region(), instance.id()), targetId, network.region(),
                instance.id(), instance.tags().get("Name"), instance.vpcId(), instance.availabilityZone(),
                instance.subnetId(), instance.instanceType(), instance.state(), imageSummary, instance.publicIp(),
                elastic, instance.sourceDestCheck(), served(network, path), groups,
                instance.tags().get(Network.TAG_TOPOLOGY), instance.tags().get(Network.TAG_LOGICAL_ID),
                Health.of(findings), findings.size(), network.takenAt());
    }

    private static NatGateway gateway(long targetId, Network network, NatPaths.NatPath path, List<Finding> findings) {
        Network.NatGateway gateway = path.gateway();
        return new NatGateway(stableId(targetId, network.region(), gateway.id()), targetId, network.region(),
                gateway.id(), gateway.tags().get("Name"), gateway.vpcId(), path.availabilityZone(), gateway.subnetId(),
                gateway.state(), gateway.connectivityType(), gateway.publicIps(), served(network, path),
                gateway.tags().get(Network.TAG_TOPOLOGY), gateway.tags().get(Network.TAG_LOGICAL_ID),
                Health.of(findings), findings.size(), network.takenAt());
    }

    private static List<ServedSubnet> served(Network network, NatPaths.NatPath path) {
        return path.routeTables().stream()
                .flatMap(table -> network.subnetsServedBy(table).stream()
                        .map(subnet -> new ServedSubnet(subnet.id(), subnet.tags().get("Name"), subnet.cidr(),
                                subnet.availabilityZone(), table.id())))
                .sorted(Comparator.comparing(ServedSubnet::availabilityZone, Comparator.nullsLast(String::compareTo))
                        .thenComparing(ServedSubnet::subnetId))
                .toList();
    }

    private static List<NatInstance.SecurityRule> rules(List<Network.Rule> rules) {
        return rules.stream().map(rule -> new NatInstance.SecurityRule(rule.protocol(), rule.fromPort(), rule.toPort(),
                rule.cidr() != null ? rule.cidr() : rule.sourceGroupId())).toList();
    }
}
