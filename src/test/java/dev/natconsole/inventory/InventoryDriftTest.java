package dev.natconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.natconsole.target.NewTarget;
import dev.natconsole.target.TargetKind;
import dev.natconsole.target.Targets;
import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.testing.TestData;
import dev.natconsole.testing.MotoServer;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.Plan;
import dev.natconsole.topology.PrivateRouting;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.Topology;
import dev.natconsole.topology.TopologyDefaults;
import dev.natconsole.topology.TopologySpec;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;

/**
 * Applies a topology to moto (tagged as the provisioning engine tags it), changes it behind the console's back with
 * the raw SDK, and checks that the drift endpoint lists exactly those changes, and nothing once they are repaired.
 */
@ConsoleIntegrationTest
class InventoryDriftTest {

    static final String REGION = "ap-northeast-1";
    static final String A = "ap-northeast-1a";
    static final String C = "ap-northeast-1c";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Targets targets;

    @Autowired
    Topologies topologies;

    @AfterEach
    void cleanUp() {
        TestData.wipe(jdbc);
    }

    private Map<String, Object> drift(long topologyId) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/topologies/" + topologyId + "/drift")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$");
    }

    @Test
    @SuppressWarnings("unchecked")
    void driftIsListedAndGoneAfterRepair(MotoServer moto) throws Exception {
        long targetId = targets.create(new NewTarget("moto-drift", TargetKind.EMULATOR, moto.endpoint().toString(),
                null, REGION)).id();
        TopologySpec seed = TopologyDefaults.seed("drift", targetId, REGION, List.of(A, C));
        Topology topology = topologies.create(new TopologySpec(seed.name(), targetId, REGION, seed.vpcCidr(),
                seed.availabilityZones(), NatLayout.NAT_INSTANCE_PER_AZ, PrivateRouting.ROUTE_TABLE_PER_AZ,
                seed.nat(), seed.options())).topology();
        Plan plan = topologies.plan(topology.id());

        assertThat(drift(topology.id())).containsEntry("status", "NOT_APPLIED");

        Ec2Client ec2 = moto.ec2(REGION);
        SdkPlanApplier applier = new SdkPlanApplier(ec2, topology.id(), new HandBuiltNetwork(ec2).image("al2023-ami-2023*"));
        applier.apply(plan);
        Map<String, Object> clean = drift(topology.id());
        assertThat(clean).containsEntry("status", "CLEAN").containsEntry("targetId", (int) targetId);
        assertThat((List<Object>) clean.get("items")).isEmpty();

        // Behind the console's back:
        String natA = applier.of("nat-" + A);
        ec2.replaceRoute(r -> r.routeTableId(applier.of("rtb-private-" + C)).destinationCidrBlock("0.0.0.0/0")
                .instanceId(natA));
        ec2.modifyInstanceAttribute(r -> r.instanceId(natA)
                .sourceDestCheck(AttributeBooleanValue.builder().value(true).build()));
        String sg = applier.of("sg-nat");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(22).toPort(22).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        ec2.revokeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp("172.16.1.0/24").build()).build()));
        Address eipC = ec2.describeAddresses(r -> r.allocationIds(applier.of("eip-nat-" + C))).addresses().get(0);
        ec2.disassociateAddress(r -> r.associationId(eipC.associationId()));
        ec2.releaseAddress(r -> r.allocationId(eipC.allocationId()));

        Map<String, Object> drifted = drift(topology.id());
        assertThat(drifted).containsEntry("status", "DRIFTED");
        List<Map<String, Object>> items = (List<Map<String, Object>>) drifted.get("items");
        assertThat(items).extracting(i -> i.get("kind"), i -> i.get("logicalId")).containsExactlyInAnyOrder(
                tuple("ROUTE_TARGET_CHANGED", "route-private-default-" + C),
                tuple("SOURCE_DEST_CHECK_ENABLED", "nat-" + A + "-source-dest-check"),
                tuple("RULE_ADDED", "sg-nat"),
                tuple("RULE_REMOVED", "sg-nat-ingress-tcp443-" + A),
                tuple("MISSING", "eip-nat-" + C));
        assertThat(items).filteredOn(i -> i.get("kind").equals("ROUTE_TARGET_CHANGED")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("expected", applier.of("nat-" + C))
                        .containsEntry("actual", natA));
        List<String> repair = (List<String>) drifted.get("repairActionIds");
        assertThat(repair).containsExactly("sg-nat-ingress-tcp443-" + A, "nat-" + A + "-source-dest-check",
                "eip-nat-" + C, "eip-nat-" + C + "-assoc", "route-private-default-" + C);

        // Repair as the provisioning engine will: re-apply only those actions, revoke what the plan does not have.
        applier.reapply(plan, repair);
        items.stream().filter(i -> i.get("kind").equals("RULE_ADDED")).forEach(i -> {
            Map<String, Object> rule = (Map<String, Object>) i.get("rule");
            ec2.revokeSecurityGroupIngress(r -> r.groupId((String) i.get("resourceId")).ipPermissions(
                    IpPermission.builder().ipProtocol((String) rule.get("protocol"))
                            .fromPort((Integer) rule.get("fromPort")).toPort((Integer) rule.get("toPort"))
                            .ipRanges(IpRange.builder().cidrIp((String) rule.get("peer")).build()).build()));
        });
        Map<String, Object> repaired = drift(topology.id());
        assertThat((List<Object>) repaired.get("items")).isEmpty();
        assertThat(repaired).containsEntry("status", "CLEAN");

        // The drift scan also refreshed the inventory: the topology's two NATs are listed as managed, and healthy
        // apart from the TCP-only group the plan makes on purpose (AWS's recommended 80/443).
        mvc.perform(get("/api/nat-instances").param("target", "" + targetId))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].topologyId").value("" + topology.id()))
                .andExpect(jsonPath("$[0].health").value("WARNING"));
        List<String> checks = JsonPath.read(mvc.perform(get("/api/inventory/findings").param("target", "" + targetId))
                .andReturn().getResponse().getContentAsString(), "$[*].checkId");
        assertThat(checks).containsOnly("sg-tcp-only").hasSize(2);
    }

    @Test
    void aTopologyWithoutTargetHasNoDrift() throws Exception {
        Topology topology = topologies.create(TopologyDefaults.seed("no-target", null, REGION, List.of(A)))
                .topology();
        mvc.perform(get("/api/topologies/" + topology.id() + "/drift")).andExpect(status().isConflict());
        mvc.perform(get("/api/topologies/999999/drift")).andExpect(status().isNotFound());
    }
}
