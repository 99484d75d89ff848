package dev.natconsole.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.natconsole.topology.ImageChoice;
import dev.natconsole.topology.NatInstanceSpec;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.PlanBuilder;
import dev.natconsole.topology.PrivateRouting;
import dev.natconsole.topology.TopologyOptions;
import dev.natconsole.topology.TopologySpec;
import dev.natconsole.topology.ZoneSubnets;

class DestroyPlannerTest {

    private final StepHandlers handlers = new StepHandlers();

    private List<RunStep> destroyPlan(NatLayout layout, TopologyOptions options) {
        TopologySpec spec = new TopologySpec("t", 1L, "us-east-1", "10.0.0.0/16",
                List.of(new ZoneSubnets("us-east-1a", "10.0.0.0/24", "10.0.1.0/24"),
                        new ZoneSubnets("us-east-1b", "10.0.2.0/24", "10.0.3.0/24")),
                layout, PrivateRouting.ROUTE_TABLE_PER_AZ,
                new NatInstanceSpec("t4g.nano", ImageChoice.AMAZON_LINUX_2023, null, "192.0.2.0/24", false, null),
                options);
        return DestroyPlanner.plan(PlanBuilder.build(spec).actions().stream().map(RunStep::of).toList(), handlers);
    }

    /** Whether {@code later} runs, directly or not, only after {@code earlier}. */
    private static boolean after(List<RunStep> plan, String later, String earlier) {
        Map<String, RunStep> byId = new HashMap<>();
        plan.forEach(step -> byId.put(step.id(), step));
        Set<String> seen = new HashSet<>();
        List<String> todo = new java.util.ArrayList<>(byId.get(later).dependsOn());
        while (!todo.isEmpty()) {
            String next = todo.remove(0);
            if (next.equals(earlier)) {
                return true;
            }
            if (seen.add(next)) {
                todo.addAll(byId.get(next).dependsOn());
            }
        }
        return false;
    }

    @Test
    void undoesInReverseDependencyOrder() {
        List<RunStep> plan = destroyPlan(NatLayout.NAT_INSTANCE_PER_AZ, new TopologyOptions(true,
                "arn:aws:iam::123456789012:role/x", true, true));
        String nat = PlanBuilder.natId("us-east-1a");
        assertThat(after(plan, nat, "eip-" + nat + "-assoc")).as("terminate after EIP disassociated").isTrue();
        assertThat(after(plan, "eip-" + nat, "eip-" + nat + "-assoc")).as("release after disassociate").isTrue();
        assertThat(after(plan, PlanBuilder.IGW_ATTACHMENT, nat)).as("detach after instances gone").isTrue();
        assertThat(after(plan, PlanBuilder.INTERNET_GATEWAY, PlanBuilder.IGW_ATTACHMENT)).isTrue();
        assertThat(after(plan, PlanBuilder.NAT_SECURITY_GROUP, nat)).isTrue();
        assertThat(after(plan, PlanBuilder.NAT_SECURITY_GROUP, PlanBuilder.TEST_SERVER_SECURITY_GROUP + "-ingress-ssh"))
                .as("the rule naming the NAT group goes before it").isTrue();
        assertThat(after(plan, "rtb-private-us-east-1a", "route-private-default-us-east-1a")).isTrue();
        assertThat(after(plan, "rtb-private-us-east-1a", "rtb-private-us-east-1a-assoc")).isTrue();
        assertThat(after(plan, "subnet-public-us-east-1a", nat)).isTrue();
        assertThat(after(plan, "subnet-private-us-east-1a", PlanBuilder.TEST_SERVER)).isTrue();
        assertThat(after(plan, DestroyPlanner.SWEEP_ID, PlanBuilder.FLOW_LOGS)).isTrue();
        assertThat(after(plan, PlanBuilder.VPC, DestroyPlanner.SWEEP_ID)).as("VPC last, after the sweep").isTrue();
        assertThat(plan.get(plan.size() - 1).id()).isEqualTo(PlanBuilder.VPC);
        // Rules with CIDRs go with their group; nothing to undo for them
        assertThat(plan).extracting(RunStep::id).doesNotContain("sg-nat-ingress-tcp80-us-east-1a",
                "vpc-dns-hostnames", nat + "-source-dest-check", "sg-nat-egress-default-revoke");
    }

    @Test
    void natGatewaysGoBeforeTheirElasticIpsAndTheInternetGateway() {
        List<RunStep> plan = destroyPlan(NatLayout.NAT_GATEWAY_PER_AZ, TopologyOptions.none());
        String gateway = PlanBuilder.natGatewayId("us-east-1b");
        assertThat(after(plan, "eip-" + gateway, gateway)).isTrue();
        assertThat(after(plan, PlanBuilder.IGW_ATTACHMENT, gateway)).isTrue();
        assertThat(after(plan, gateway, "route-private-default-us-east-1b")).isTrue();
    }

    @Test
    void planSnapshotsSurviveJson() {
        List<RunStep> plan = destroyPlan(NatLayout.NAT_INSTANCE_PER_AZ, TopologyOptions.none());
        assertThat(PlanJson.read(PlanJson.write(plan))).isEqualTo(plan);
    }
}
