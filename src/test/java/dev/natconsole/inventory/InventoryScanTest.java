package dev.natconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.natconsole.target.NewTarget;
import dev.natconsole.target.TargetKind;
import dev.natconsole.target.Targets;
import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.testing.TestData;
import dev.natconsole.testing.MotoServer;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.Topology;
import dev.natconsole.topology.TopologyDefaults;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;

import static dev.natconsole.inventory.HandBuiltNetwork.allow;

/** Scans on demand: lists read the cache until the next scan; an unreachable target fails only its own regions. */
@ConsoleIntegrationTest
class InventoryScanTest {

    static final String REGION = "eu-west-1";

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

    private Map<String, Object> scan(String body) throws Exception {
        String started = mvc.perform(post("/api/inventory/scan").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(started, "$.id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                !List.of("QUEUED", "RUNNING").contains(JsonPath.read(mvc.perform(get("/api/inventory/scans/" + id))
                        .andReturn().getResponse().getContentAsString(), "$.state")));
        return JsonPath.read(mvc.perform(get("/api/inventory/scans/" + id)).andReturn().getResponse()
                .getContentAsString(), "$");
    }

    private List<String> health(long targetId) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/nat-instances").param("target", "" + targetId))
                .andReturn().getResponse().getContentAsString(), "$[*].health");
    }

    @Test
    void listsReadTheCacheUntilTheNextScan(MotoServer moto) throws Exception {
        Ec2Client ec2 = moto.ec2(REGION);
        HandBuiltNetwork net = new HandBuiltNetwork(ec2);
        String vpc = net.vpc("10.20.0.0/16");
        String pub = net.subnet(vpc, "10.20.0.0/24", REGION + "a");
        net.routeToGateway(net.routeTable(vpc, pub), net.internetGateway(vpc));
        String group = net.securityGroup(vpc, "nat", allow("-1", -1, -1, "10.20.1.0/24"));
        String nat = net.instance(pub, "c6gn.medium", net.image("al2023-ami-2023*"), group, "nat");
        net.sourceDestCheckOff(nat);
        net.elasticIp(nat);
        net.routeToInstance(net.routeTable(vpc, net.subnet(vpc, "10.20.1.0/24", REGION + "a")), nat);
        long targetId = targets.create(new NewTarget("moto-scan", TargetKind.EMULATOR, moto.endpoint().toString(),
                null, REGION)).id();

        assertThat(health(targetId)).isEmpty();
        Map<String, Object> first = scan("{\"targetIds\": [%d], \"regions\": [\"%s\"]}".formatted(targetId, REGION));
        assertThat(first).containsEntry("state", "SUCCEEDED").containsEntry("trigger", "request");
        assertThat((Integer) first.get("apiCalls")).isBetween(8, 11);
        assertThat(health(targetId)).containsExactly("OK");

        ec2.modifyInstanceAttribute(r -> r.instanceId(nat)
                .sourceDestCheck(AttributeBooleanValue.builder().value(true).build()));
        assertThat(health(targetId)).as("no AWS call until the next scan").containsExactly("OK");
        Map<String, Object> second = scan("{\"targetIds\": [%d], \"regions\": [\"%s\"]}".formatted(targetId, REGION));
        assertThat(health(targetId)).containsExactly("ERROR");
        mvc.perform(get("/api/nat-instances/" + targetId + ":" + REGION + ":" + nat + "/checks"))
                .andExpect(jsonPath("$[0].checkId").value("source-dest-check-on"));
        mvc.perform(get("/api/inventory/regions"))
                .andExpect(jsonPath("$[?(@.targetId == %d)].region".formatted(targetId)).value(REGION))
                .andExpect(jsonPath("$[?(@.targetId == %d)].natInstances".formatted(targetId)).value(1));
        mvc.perform(get("/api/inventory/scans"))
                .andExpect(jsonPath("$[0].id").value(second.get("id")))
                .andExpect(jsonPath("$[1].id").value(first.get("id")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnreachableTargetFailsOnlyItsOwnRegions(MotoServer moto) throws Exception {
        long live = targets.create(new NewTarget("moto-live", TargetKind.EMULATOR, moto.endpoint().toString(), null,
                REGION)).id();
        long dead = targets.create(new NewTarget("moto-dead", TargetKind.EMULATOR, "http://127.0.0.1:" + closedPort(),
                null, REGION)).id();
        Map<String, Object> scan = scan("{\"regions\": [\"%s\", \"us-east-1\"]}".formatted(REGION));
        assertThat(scan).containsEntry("state", "FAILED").containsEntry("total", 4).containsEntry("done", 4)
                .containsEntry("failed", 2);
        List<Map<String, Object>> regions = (List<Map<String, Object>>) scan.get("regions");
        assertThat(regions).filteredOn(r -> ((Number) r.get("targetId")).longValue() == live)
                .extracting(r -> r.get("state")).containsOnly("SUCCEEDED");
        assertThat(regions).filteredOn(r -> ((Number) r.get("targetId")).longValue() == dead)
                .allSatisfy(r -> assertThat(r).containsEntry("state", "FAILED")
                        .extractingByKey("error").asString().isNotBlank());

        Topology topology = topologies.create(TopologyDefaults.seed("dead-drift", dead, REGION, List.of(REGION + "a")))
                .topology();
        mvc.perform(get("/api/topologies/" + topology.id() + "/drift"))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.title").value("Target unreachable"));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
