package dev.natconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.natconsole.provisioning.Provisioning;
import dev.natconsole.provisioning.RunStatus;
import dev.natconsole.provisioning.TopologyStatus;
import dev.natconsole.target.NewTarget;
import dev.natconsole.target.TargetKind;
import dev.natconsole.target.Targets;
import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.testing.MotoServer;
import dev.natconsole.testing.TestData;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.TopologyDefaults;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;

/**
 * The whole loop through the console: apply with the provisioning engine, change the network behind the
 * console's back with the SDK, see the drift, repair it through POST /repair, see it clean.
 */
@ConsoleIntegrationTest
class DriftRepairTest {

    static final String REGION = "ap-northeast-1";
    static final String A = "ap-northeast-1a";
    static final String C = "ap-northeast-1c";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Targets targets;

    @Autowired
    Topologies topologies;

    @Autowired
    Provisioning provisioning;

    @AfterEach
    void cleanUp() {
        for (var topology : topologies.list()) {
            if (provisioning.status(topology.id()) != TopologyStatus.DRAFT) {
                long runId = provisioning.destroy(topology.id()).id();
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> provisioning.run(runId).status()
                        .finished());
            }
            topologies.delete(topology.id());
        }
        targets.list().forEach(target -> targets.delete(target.id()));
        // Whatever a failed assertion left behind must not leak into the next class sharing this context.
        TestData.wipe(jdbc);
    }

    private Map<String, Object> drift(long topologyId) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/topologies/" + topologyId + "/drift")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$");
    }

    private void awaitSuccess(long runId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> provisioning.run(runId).status().finished());
        assertThat(provisioning.run(runId).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    private static String tagged(Ec2Client ec2, long topologyId, String logicalId) {
        return ec2.describeTags(r -> r.filters(Filter.builder().name("key").values("natconsole:logical-id").build(),
                Filter.builder().name("value").values(logicalId).build())).tags().stream()
                .filter(tag -> ec2.describeTags(t -> t.filters(Filter.builder().name("resource-id")
                        .values(tag.resourceId()).build(), Filter.builder().name("key").values("natconsole:topology")
                        .build())).tags().stream().anyMatch(t -> t.value().equals(Long.toString(topologyId))))
                .map(tag -> tag.resourceId()).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void driftMadeBehindTheConsolesBackIsListedAndRepaired(MotoServer moto) throws Exception {
        long targetId = targets.create(new NewTarget("moto-repair", TargetKind.EMULATOR, moto.endpoint().toString(),
                null, REGION)).id();
        long id = topologies.create(TopologyDefaults.seed("repair", targetId, REGION, List.of(A, C))).topology().id();
        String applied = mvc.perform(post("/api/topologies/" + id + "/apply")).andReturn().getResponse()
                .getContentAsString();
        awaitSuccess(((Number) JsonPath.read(applied, "$.id")).longValue());
        assertThat(drift(id)).containsEntry("status", "CLEAN");
        mvc.perform(post("/api/topologies/" + id + "/repair")).andExpect(status().isOk());

        Ec2Client ec2 = moto.ec2(REGION);
        String natA = tagged(ec2, id, "nat-" + A);
        String tableC = tagged(ec2, id, "rtb-private-" + C);
        String sg = tagged(ec2, id, "sg-nat");
        ec2.replaceRoute(r -> r.routeTableId(tableC).destinationCidrBlock("0.0.0.0/0").instanceId(natA));
        ec2.modifyInstanceAttribute(r -> r.instanceId(natA)
                .sourceDestCheck(AttributeBooleanValue.builder().value(true).build()));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(22).toPort(22).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        ec2.revokeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp("172.16.1.0/24").build()).build()));

        Map<String, Object> drifted = drift(id);
        assertThat(drifted).containsEntry("status", "DRIFTED");
        assertThat((List<Map<String, Object>>) drifted.get("items"))
                .extracting(item -> item.get("kind"), item -> item.get("logicalId")).containsExactlyInAnyOrder(
                        tuple("ROUTE_TARGET_CHANGED", "route-private-default-" + C),
                        tuple("SOURCE_DEST_CHECK_ENABLED", "nat-" + A + "-source-dest-check"),
                        tuple("RULE_ADDED", "sg-nat"),
                        tuple("RULE_REMOVED", "sg-nat-ingress-tcp443-" + A));

        // The pages show it too: the topology page lists the differences, the dashboard says the topology drifted.
        mvc.perform(post("/topologies/" + id + "/drift")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/topologies/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("data-drift=\"ROUTE_TARGET_CHANGED\"", "id=\"repair\"");
        assertThat(mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("state-drifted");

        String repair = mvc.perform(post("/api/topologies/" + id + "/repair")).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(repair, "$.revokedRules")).hasSize(1);
        long repairRun = ((Number) JsonPath.read(repair, "$.run.id")).longValue();
        // Only what drifted is re-applied, not the whole plan.
        assertThat(JsonPath.<List<String>>read(repair, "$.run.steps[*].logicalId")).containsExactlyInAnyOrder(
                "sg-nat-ingress-tcp443-" + A, "nat-" + A + "-source-dest-check", "route-private-default-" + C);
        awaitSuccess(repairRun);

        Map<String, Object> repaired = drift(id);
        assertThat((List<Object>) repaired.get("items")).isEmpty();
        assertThat(repaired).containsEntry("status", "CLEAN");
        assertThat(mvc.perform(get("/")).andReturn().getResponse().getContentAsString()).doesNotContain("state-drifted")
                .contains("state-applied");
        assertThat(ec2.describeRouteTables(r -> r.routeTableIds(tableC)).routeTables().get(0).routes())
                .filteredOn(route -> "0.0.0.0/0".equals(route.destinationCidrBlock())).singleElement()
                .satisfies(route -> assertThat(route.instanceId()).isEqualTo(tagged(ec2, id, "nat-" + C)));
    }
}
