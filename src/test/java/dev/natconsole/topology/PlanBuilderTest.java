package dev.natconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlanBuilderTest {

    private static final List<String> ZONES = List.of("ap-northeast-1a", "ap-northeast-1c");

    private static TopologySpec seed(NatLayout layout, PrivateRouting routing, TopologyOptions options) {
        TopologySpec seed = TopologyDefaults.seed("seed", null, "ap-northeast-1", ZONES);
        return new TopologySpec(seed.name(), null, seed.region(), seed.vpcCidr(), seed.availabilityZones(), layout,
                routing, new NatInstanceSpec("t4g.nano", ImageChoice.AMAZON_LINUX_2023, null, "203.0.113.0/24",
                        false, "admin"), options);
    }

    @Test
    void everyStepComesAfterWhatItDependsOn() {
        for (NatLayout layout : NatLayout.values()) {
            Plan plan = PlanBuilder.build(seed(layout, PrivateRouting.ROUTE_TABLE_PER_AZ,
                    new TopologyOptions(true, "arn:aws:iam::123456789012:role/flow", true, true)));
            for (PlanAction action : plan.actions()) {
                for (String dependency : action.dependsOn()) {
                    assertThat(plan.indexOf(dependency)).as(action.id() + " after " + dependency)
                            .isBetween(0, plan.indexOf(action.id()) - 1);
                }
            }
        }
    }

    @Test
    void theSamePlanComesOutEveryTime() {
        TopologySpec spec = seed(NatLayout.NAT_INSTANCE_PER_AZ, PrivateRouting.ROUTE_TABLE_PER_AZ,
                TopologyOptions.none());
        assertThat(PlanBuilder.build(spec)).isEqualTo(PlanBuilder.build(spec));
    }

    @Test
    void coversSeedStepsOneToTenForEachZone() {
        Plan plan = PlanBuilder.build(seed(NatLayout.NAT_INSTANCE_PER_AZ, PrivateRouting.ROUTE_TABLE_PER_AZ,
                TopologyOptions.none()));
        assertThat(plan.action("vpc").orElseThrow().kind()).isEqualTo(ActionKind.CREATE_VPC);
        assertThat(plan.action("vpc-dns-hostnames")).isPresent();
        assertThat(plan.action("igw-attachment").orElseThrow().dependsOn()).contains("igw", "vpc");
        assertThat(plan.action("route-public-default").orElseThrow().params())
                .containsEntry("internetGateway", "igw").containsEntry("destination", "0.0.0.0/0");
        for (String zone : ZONES) {
            assertThat(plan.action("subnet-public-" + zone)).isPresent();
            assertThat(plan.action("subnet-private-" + zone)).isPresent();
            assertThat(plan.action("rtb-public-assoc-" + zone)).isPresent();
            assertThat(plan.action("rtb-private-" + zone + "-assoc")).isPresent();
            assertThat(plan.action("sg-nat-ingress-tcp80-" + zone).orElseThrow().params())
                    .containsEntry("cidr", plan.action("subnet-private-" + zone).orElseThrow().param("cidr"));
            assertThat(plan.action("sg-nat-ingress-tcp443-" + zone)).isPresent();
            PlanAction nat = plan.action("nat-" + zone).orElseThrow();
            assertThat(nat.params()).containsEntry("subnet", "subnet-public-" + zone)
                    .containsEntry("architecture", "arm64").containsEntry("keyName", "admin");
            assertThat(nat.param("userData")).contains("ip route show default").doesNotContain("eth0");
            assertThat(plan.action("eip-nat-" + zone + "-assoc")).isPresent();
            assertThat(plan.action("nat-" + zone + "-source-dest-check")).isPresent();
            assertThat(plan.action("route-private-default-" + zone).orElseThrow().params())
                    .containsEntry("routeTable", "rtb-private-" + zone).containsEntry("instance", "nat-" + zone);
        }
        assertThat(plan.action("sg-nat-ingress-ssh").orElseThrow().param("cidr")).isEqualTo("203.0.113.0/24");
        assertThat(plan.actions()).noneMatch(action -> action.kind() == ActionKind.CREATE_FLOW_LOGS);
    }

    @Test
    void aSharedNatOnTheMainRouteTableIsTheSeedsLayout() {
        Plan plan = PlanBuilder.build(seed(NatLayout.SHARED_NAT_INSTANCE, PrivateRouting.MAIN_ROUTE_TABLE,
                TopologyOptions.none()));
        assertThat(plan.actions()).filteredOn(action -> action.kind() == ActionKind.RUN_INSTANCE)
                .extracting(PlanAction::id).containsExactly("nat-ap-northeast-1a");
        assertThat(plan.action("rtb-main").orElseThrow().kind()).isEqualTo(ActionKind.ADOPT_MAIN_ROUTE_TABLE);
        assertThat(plan.actions()).filteredOn(action -> action.id().startsWith("route-") && !action.id()
                .equals("route-public-default")).extracting(PlanAction::id).containsExactly("route-main-default");
    }

    @Test
    void natGatewayLayoutPlansGatewaysAndNoInstances() {
        Plan plan = PlanBuilder.build(seed(NatLayout.NAT_GATEWAY_PER_AZ, PrivateRouting.ROUTE_TABLE_PER_AZ,
                TopologyOptions.none()));
        assertThat(plan.actions()).noneMatch(action -> action.kind() == ActionKind.RUN_INSTANCE);
        assertThat(plan.actions()).filteredOn(action -> action.kind() == ActionKind.CREATE_NAT_GATEWAY).hasSize(2);
        assertThat(plan.action("route-private-default-ap-northeast-1c").orElseThrow().params())
                .containsEntry("natGateway", "natgw-ap-northeast-1c");
    }

    @Test
    void optionsAddTheVerificationSteps() {
        Plan plan = PlanBuilder.build(seed(NatLayout.NAT_INSTANCE_PER_AZ, PrivateRouting.ROUTE_TABLE_PER_AZ,
                new TopologyOptions(true, "arn:aws:iam::123456789012:role/flow", true, true)));
        assertThat(plan.action("test-server").orElseThrow().params())
                .containsEntry("subnet", "subnet-private-ap-northeast-1a");
        assertThat(plan.action("sg-nat-ingress-icmp-ap-northeast-1a")).isPresent();
        assertThat(plan.action("sg-nat-egress-icmp")).isPresent();
        assertThat(plan.action("sg-nat-egress-ssh-ap-northeast-1a")).isPresent();
        assertThat(plan.action("sg-test-server-ingress-ssh").orElseThrow().params())
                .containsEntry("sourceSecurityGroup", "sg-nat");
        assertThat(plan.action("flow-logs").orElseThrow().params())
                .containsEntry("deliverLogsPermissionArn", "arn:aws:iam::123456789012:role/flow");
    }
}
