package dev.natconsole.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.natconsole.inventory.DriftItem;
import dev.natconsole.inventory.DriftKind;
import dev.natconsole.inventory.DriftReport;
import dev.natconsole.topology.ImageChoice;
import dev.natconsole.topology.NatInstanceSpec;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.Plan;
import dev.natconsole.topology.PlanBuilder;
import dev.natconsole.topology.PrivateRouting;
import dev.natconsole.topology.TopologyDefaults;
import dev.natconsole.topology.TopologyOptions;
import dev.natconsole.topology.TopologySpec;

class DriftCheckTest {

    static final String A = "ap-northeast-1a";
    static final String C = "ap-northeast-1c";

    static Plan plan(NatLayout layout) {
        TopologySpec seed = TopologyDefaults.seed("seed", 1L, "ap-northeast-1", List.of(A, C));
        return PlanBuilder.build(new TopologySpec(seed.name(), 1L, seed.region(), seed.vpcCidr(),
                seed.availabilityZones(), layout, PrivateRouting.ROUTE_TABLE_PER_AZ,
                new NatInstanceSpec("t4g.nano", ImageChoice.AMAZON_LINUX_2023, null, "203.0.113.0/24", false, null),
                new TopologyOptions(false, null, true, true)));
    }

    static DriftReport drift(Plan plan, PlannedNetwork net) {
        return DriftCheck.compare(net.topologyId, 1, plan, net.network(), Map.of());
    }

    @Test
    void aFaithfullyAppliedPlanIsClean() {
        for (NatLayout layout : NatLayout.values()) {
            Plan plan = plan(layout);
            DriftReport report = drift(plan, new PlannedNetwork(42, plan));
            assertThat(report.items()).as(layout.name()).isEmpty();
            assertThat(report.status()).isEqualTo(DriftReport.Status.CLEAN);
            assertThat(report.notChecked()).contains("igw", "igw-attachment", "vpc-dns-hostnames");
        }
    }

    @Test
    void anotherTopologysResourcesAreNotOurs() {
        Plan plan = plan(NatLayout.NAT_INSTANCE_PER_AZ);
        PlannedNetwork other = new PlannedNetwork(7, plan);
        DriftReport report = DriftCheck.compare(42, 1, plan, other.network(), Map.of());
        assertThat(report.status()).isEqualTo(DriftReport.Status.NOT_APPLIED);
        assertThat(report.items()).isEmpty();
    }

    @Test
    void routeTargetSourceDestCheckRulesAndDeletionsAreListed() {
        Plan plan = plan(NatLayout.NAT_INSTANCE_PER_AZ);
        PlannedNetwork net = new PlannedNetwork(42, plan);
        // The 1c private route now goes to the 1a NAT.
        Network.RouteTable t = net.tables.get(net.of("rtb-private-" + C));
        net.tables.put(t.id(), new Network.RouteTable(t.id(), t.vpcId(), false, t.subnetIds(), List.of(
                Network.Route.toInstance("0.0.0.0/0", net.of("nat-" + A))), t.tags()));
        // Source/destination check back on.
        Network.Instance nat = net.instances.get(net.of("nat-" + A));
        net.instances.put(nat.id(), NetworkFixture.withSourceDestCheck(nat, true));
        // A rule added, one removed.
        Network.SecurityGroup g = net.groups.get(net.of("sg-nat"));
        List<Network.Rule> in = new ArrayList<>(g.ingress());
        in.removeIf(r -> r.fromPort() == 443 && "172.16.1.0/24".equals(r.cidr()));
        in.add(Network.Rule.cidr("tcp", 22, 22, "0.0.0.0/0"));
        net.groups.put(g.id(), new Network.SecurityGroup(g.id(), g.vpcId(), g.name(), in, g.egress(), g.tags()));
        // The 1c Elastic IP released.
        net.addresses.remove(net.of("eip-nat-" + C));

        DriftReport report = drift(plan, net);
        assertThat(report.status()).isEqualTo(DriftReport.Status.DRIFTED);
        assertThat(report.items()).extracting(DriftItem::kind, DriftItem::logicalId).containsExactlyInAnyOrder(
                tuple(DriftKind.ROUTE_TARGET_CHANGED, "route-private-default-" + C),
                tuple(DriftKind.SOURCE_DEST_CHECK_ENABLED, "nat-" + A + "-source-dest-check"),
                tuple(DriftKind.RULE_REMOVED, "sg-nat-ingress-tcp443-" + A),
                tuple(DriftKind.RULE_ADDED, "sg-nat"),
                tuple(DriftKind.MISSING, "eip-nat-" + C));
        DriftItem added = report.items().stream().filter(i -> i.kind() == DriftKind.RULE_ADDED).findFirst().orElseThrow();
        assertThat(added.rule()).isEqualTo(new DriftItem.Rule("ingress", "tcp", 22, 22, "0.0.0.0/0"));
        assertThat(added.repairActionIds()).isEmpty();
        DriftItem route = report.items().stream().filter(i -> i.kind() == DriftKind.ROUTE_TARGET_CHANGED)
                .findFirst().orElseThrow();
        assertThat(route.expected()).isEqualTo(net.of("nat-" + C));
        assertThat(route.actual()).isEqualTo(net.of("nat-" + A));
        // Only what drifted, plus the association of the Elastic IP made again, in plan order.
        assertThat(report.repairActionIds()).containsExactly("sg-nat-ingress-tcp443-" + A,
                "nat-" + A + "-source-dest-check", "eip-nat-" + C, "eip-nat-" + C + "-assoc",
                "route-private-default-" + C);
    }

    @Test
    void aNatReplacedByHandIsToldApartFromOneDeleted() {
        Plan plan = plan(NatLayout.NAT_INSTANCE_PER_AZ);
        PlannedNetwork net = new PlannedNetwork(42, plan);
        Network.Instance old = net.instances.remove(net.of("nat-" + C));
        Network.Instance stranger = new Network.Instance("i-stranger", old.vpcId(), old.subnetId(),
                old.availabilityZone(), "t3.micro", "running", "ami-2", false, List.of(), "198.51.100.99", null,
                old.securityGroupIds(), null, Map.of());
        net.instances.put(stranger.id(), stranger);
        Network.RouteTable t = net.tables.get(net.of("rtb-private-" + C));
        net.tables.put(t.id(), new Network.RouteTable(t.id(), t.vpcId(), false, t.subnetIds(), List.of(
                Network.Route.toInstance("0.0.0.0/0", "i-stranger")), t.tags()));
        // The 1a NAT is simply gone.
        net.instances.remove(net.of("nat-" + A));

        DriftReport report = drift(plan, net);
        assertThat(report.items()).extracting(DriftItem::kind, DriftItem::logicalId, DriftItem::resourceId)
                .containsExactlyInAnyOrder(
                        tuple(DriftKind.INSTANCE_REPLACED, "nat-" + C, "i-stranger"),
                        tuple(DriftKind.MISSING, "nat-" + A, null));
        // Relaunching a NAT re-applies its Elastic IP association, source/destination check and route; nothing
        // else (the test server only depends on the route for ordering, it does not name the NAT).
        assertThat(report.repairActionIds()).containsExactly("nat-" + A, "eip-nat-" + A + "-assoc",
                "nat-" + A + "-source-dest-check", "nat-" + C, "eip-nat-" + C + "-assoc",
                "nat-" + C + "-source-dest-check", "route-private-default-" + A, "route-private-default-" + C);
    }

    @Test
    void aRecordedIdTellsAReplacementEvenWithTheRightTags() {
        Plan plan = plan(NatLayout.NAT_INSTANCE_PER_AZ);
        PlannedNetwork net = new PlannedNetwork(42, plan);
        DriftReport report = DriftCheck.compare(42, 1, plan, net.network(),
                Map.of("nat-" + A, "i-the-one-we-launched"));
        assertThat(report.items()).extracting(DriftItem::kind, DriftItem::expected)
                .containsExactly(tuple(DriftKind.INSTANCE_REPLACED, "i-the-one-we-launched"));
    }

    @Test
    void stoppedNatsDeletedRoutesMovedAddressesAndAssociationsAreListed() {
        Plan plan = plan(NatLayout.NAT_INSTANCE_PER_AZ);
        PlannedNetwork net = new PlannedNetwork(42, plan);
        Network.Instance nat = net.instances.get(net.of("nat-" + A));
        net.instances.put(nat.id(), NetworkFixture.withState(nat, "stopped"));
        Network.RouteTable t = net.tables.get(net.of("rtb-private-" + C));
        net.tables.put(t.id(), new Network.RouteTable(t.id(), t.vpcId(), false, List.of(), List.of(), t.tags()));
        Network.Address eip = net.addresses.get(net.of("eip-nat-" + C));
        net.addresses.put(eip.allocationId(), new Network.Address(eip.allocationId(), eip.publicIp(), null, null,
                eip.tags()));
        Network.SecurityGroup g = net.groups.get(net.of("sg-nat"));
        List<Network.Rule> out = new ArrayList<>(g.egress());
        out.add(Network.Rule.cidr("-1", -1, -1, "0.0.0.0/0"));
        net.groups.put(g.id(), new Network.SecurityGroup(g.id(), g.vpcId(), g.name(), g.ingress(), out, g.tags()));

        DriftReport report = drift(plan, net);
        assertThat(report.items()).extracting(DriftItem::kind, DriftItem::logicalId).containsExactlyInAnyOrder(
                tuple(DriftKind.INSTANCE_STOPPED, "nat-" + A),
                tuple(DriftKind.ASSOCIATION_CHANGED, "rtb-private-" + C + "-assoc"),
                tuple(DriftKind.ROUTE_MISSING, "route-private-default-" + C),
                tuple(DriftKind.ELASTIC_IP_MOVED, "eip-nat-" + C + "-assoc"),
                tuple(DriftKind.RULE_ADDED, "sg-nat"));
        // AWS's allow-all egress is put right by the plan's own revoke step.
        assertThat(report.items().stream().filter(i -> i.kind() == DriftKind.RULE_ADDED).findFirst().orElseThrow()
                .repairActionIds()).containsExactly("sg-nat-egress-default-revoke");
    }
}
