package dev.natconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.natconsole.target.NewTarget;
import dev.natconsole.target.TargetKind;
import dev.natconsole.target.Targets;
import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.testing.MotoServer;
import software.amazon.awssdk.services.ec2.Ec2Client;

import static dev.natconsole.inventory.HandBuiltNetwork.allow;

/**
 * Three VPCs built by hand in moto through the raw SDK, one healthy, one NAT Gateway VPC and one full of the
 * faults the issue names; a scan through the console must report each fault exactly on its resource and
 * nothing anywhere else.
 */
@ConsoleIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InventoryFaultsTest {

    static final String REGION = "ap-northeast-1";
    static final String A = "ap-northeast-1a";
    static final String C = "ap-northeast-1c";

    @Autowired
    MockMvc mvc;

    @Autowired
    Targets targets;

    long targetId;
    String goodVpc, natA, natC;
    String badVpc, natX, sgX, natY, natDead, rtbE, privF, natZ, sgZ;
    String gatewayVpc, natGateway;

    @BeforeAll
    void buildNetworksAndScan(MotoServer moto) throws Exception {
        Ec2Client ec2 = moto.ec2(REGION);
        HandBuiltNetwork net = new HandBuiltNetwork(ec2);
        String al2023 = net.image("al2023-ami-2023*");
        String legacy = net.image("amzn-ami-vpc-nat*");

        // Healthy: one NAT instance per AZ, source/destination check off, Elastic IPs, AWS's recommended group.
        goodVpc = net.vpc("10.0.0.0/16");
        String igw = net.internetGateway(goodVpc);
        String pubA = net.subnet(goodVpc, "10.0.0.0/24", A);
        String privA = net.subnet(goodVpc, "10.0.1.0/24", A);
        String pubC = net.subnet(goodVpc, "10.0.2.0/24", C);
        String privC = net.subnet(goodVpc, "10.0.3.0/24", C);
        net.routeToGateway(net.routeTable(goodVpc, pubA, pubC), igw);
        String sgGood = net.securityGroup(goodVpc, "nat-good",
                allow("tcp", 80, 80, "10.0.1.0/24", "10.0.3.0/24"), allow("tcp", 443, 443, "10.0.1.0/24", "10.0.3.0/24"),
                allow("udp", 53, 53, "10.0.0.0/16"), allow("icmp", -1, -1, "10.0.0.0/16"),
                allow("tcp", 22, 22, "203.0.113.0/24"));
        natA = net.instance(pubA, "c6gn.medium", al2023, sgGood, "good-nat-a");
        natC = net.instance(pubC, "c6gn.medium", al2023, sgGood, "good-nat-c");
        for (String nat : List.of(natA, natC)) {
            net.sourceDestCheckOff(nat);
            net.elasticIp(nat);
        }
        net.routeToInstance(net.routeTable(goodVpc, privA), natA);
        net.routeToInstance(net.routeTable(goodVpc, privC), natC);

        // Faulty.
        badVpc = net.vpc("10.1.0.0/16");
        String badIgw = net.internetGateway(badVpc);
        String badPubA = net.subnet(badVpc, "10.1.0.0/24", A);
        String badPubC = net.subnet(badVpc, "10.1.2.0/24", C);
        net.routeToGateway(net.routeTable(badVpc, badPubA, badPubC), badIgw);
        // natX: legacy AMI, source/destination check left on, SSH open to the world, TCP-only, serves two AZs.
        sgX = net.securityGroup(badVpc, "nat-x", allow("tcp", 22, 22, "0.0.0.0/0"),
                allow("tcp", 80, 80, "10.1.1.0/24", "10.1.3.0/24"), allow("tcp", 443, 443, "10.1.1.0/24", "10.1.3.0/24"));
        natX = net.instance(badPubA, "c6gn.medium", legacy, sgX, "legacy-nat");
        net.elasticIp(natX);
        net.routeToInstance(net.routeTable(badVpc, net.subnet(badVpc, "10.1.1.0/24", A)), natX);
        net.routeToInstance(net.routeTable(badVpc, net.subnet(badVpc, "10.1.3.0/24", C)), natX);
        // natY: a t3.nano (32 Mbit/s baseline) without any public address.
        String sgY = net.securityGroup(badVpc, "nat-y", allow("tcp", 80, 80, "10.1.4.0/24"),
                allow("tcp", 443, 443, "10.1.4.0/24"), allow("udp", 53, 53, "10.1.4.0/24"),
                allow("icmp", -1, -1, "10.1.4.0/24"));
        natY = net.instance(badPubC, "t3.nano", al2023, sgY, "no-ip-nat");
        net.sourceDestCheckOff(natY);
        net.routeToInstance(net.routeTable(badVpc, net.subnet(badVpc, "10.1.4.0/24", C)), natY);
        // natDead: the route outlives the instance.
        natDead = net.instance(badPubA, "c6gn.medium", al2023, sgY, "dead-nat");
        net.sourceDestCheckOff(natDead);
        rtbE = net.routeTable(badVpc, net.subnet(badVpc, "10.1.5.0/24", A));
        net.routeToInstance(rtbE, natDead);
        net.terminate(natDead);
        // privF: left on the main route table, which has no default route.
        privF = net.subnet(badVpc, "10.1.6.0/24", A);
        // natZ: its group lets nothing in from the subnet it serves.
        sgZ = net.securityGroup(badVpc, "nat-z", allow("tcp", 22, 22, "203.0.113.0/24"));
        natZ = net.instance(badPubC, "c6gn.medium", al2023, sgZ, "closed-nat");
        net.sourceDestCheckOff(natZ);
        net.elasticIp(natZ);
        net.routeToInstance(net.routeTable(badVpc, net.subnet(badVpc, "10.1.7.0/24", C)), natZ);

        // One NAT Gateway for two AZs.
        gatewayVpc = net.vpc("10.2.0.0/16");
        String gwIgw = net.internetGateway(gatewayVpc);
        String gwPub = net.subnet(gatewayVpc, "10.2.0.0/24", A);
        net.routeToGateway(net.routeTable(gatewayVpc, gwPub), gwIgw);
        natGateway = net.natGateway(gwPub);
        net.routeToNatGateway(net.routeTable(gatewayVpc, net.subnet(gatewayVpc, "10.2.1.0/24", A)), natGateway);
        net.routeToNatGateway(net.routeTable(gatewayVpc, net.subnet(gatewayVpc, "10.2.3.0/24", C)), natGateway);

        targetId = targets.create(new NewTarget("moto-inventory", TargetKind.EMULATOR, moto.endpoint().toString(),
                null, REGION)).id();
        String body = mvc.perform(post("/api/inventory/scan").contentType(MediaType.APPLICATION_JSON)
                .content("{\"targetIds\": [%d], \"regions\": [\"%s\"]}".formatted(targetId, REGION)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/inventory/scans/")))
                .andReturn().getResponse().getContentAsString();
        String scanId = JsonPath.read(body, "$.id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                !List.of("QUEUED", "RUNNING").contains(JsonPath.read(mvc.perform(get("/api/inventory/scans/" + scanId))
                        .andReturn().getResponse().getContentAsString(), "$.state")));
        mvc.perform(get("/api/inventory/scans/" + scanId))
                .andExpect(jsonPath("$.state").value("SUCCEEDED"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.regions[0].region").value(REGION))
                .andExpect(jsonPath("$.regions[0].natInstances").value(6))
                .andExpect(jsonPath("$.regions[0].natGateways").value(1));
    }

    @AfterAll
    void deleteTarget() {
        targets.delete(targetId);
    }

    private List<Map<String, Object>> findings(String query) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/inventory/findings?target=" + targetId + query))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
    }

    @Test
    void eachFaultIsReportedOnItsResourceAndNowhereElse() throws Exception {
        assertThat(findings("&expectedMbps=100")).extracting(f -> f.get("checkId"), f -> f.get("resourceId"))
                .containsExactlyInAnyOrder(
                        tuple("source-dest-check-on", natX),
                        tuple("nat-serves-several-azs", natX),
                        tuple("end-of-life-image", natX),
                        tuple("ssh-open-to-world", sgX),
                        tuple("sg-tcp-only", sgX),
                        tuple("no-public-ip", natY),
                        tuple("burstable-baseline", natY),
                        tuple("blackhole-route", rtbE),
                        tuple("no-default-route", privF),
                        tuple("sg-no-private-ingress", sgZ),
                        tuple("nat-serves-several-azs", natGateway));
        // Without an expected traffic (the default, 0) the baseline cannot be judged.
        assertThat(findings("")).extracting(f -> f.get("checkId")).doesNotContain("burstable-baseline").hasSize(10);
        assertThat(findings("&vpc=" + goodVpc)).isEmpty();
        // 20 GB a month is about 0.06 Mbit/s: well inside a t3.nano's baseline.
        assertThat(findings("&expectedGbPerMonth=20")).extracting(f -> f.get("checkId"))
                .doesNotContain("burstable-baseline");
        assertThat(findings("&expectedGbPerMonth=20000")).extracting(f -> f.get("checkId"))
                .contains("burstable-baseline");
    }

    @Test
    void findingsExplainAndSayHowToFix() throws Exception {
        Map<String, Object> blackhole = findings("&health=error").stream()
                .filter(f -> f.get("checkId").equals("blackhole-route")).findFirst().orElseThrow();
        assertThat(blackhole).containsEntry("severity", "ERROR").containsEntry("natPathId", natDead)
                .containsEntry("vpcId", badVpc).containsEntry("resourceType", "route-table");
        assertThat((String) blackhole.get("explanation")).contains(natDead).contains("terminated");
        assertThat((String) blackhole.get("fix")).contains("replace-route").contains(rtbE);
    }

    @Test
    void discoveredNatsCarryTheirCostAgainstTheOtherKind() throws Exception {
        String instance = mvc.perform(get("/api/nat-instances/" + targetId + ":" + REGION + ":" + natY + "/cost")
                .param("gb", "100")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        double current = ((Number) JsonPath.read(instance, "$.currentUsd")).doubleValue();
        double gateway = ((Number) JsonPath.read(instance, "$.alternativeUsd")).doubleValue();
        assertThat(JsonPath.<String>read(instance, "$.instanceType")).isEqualTo("t3.nano");
        // A t3.nano in Tokyo is a few dollars; a NAT Gateway there is tens of dollars before its data charges.
        assertThat(current).isPositive().isLessThan(gateway);
        assertThat(((Number) JsonPath.read(instance, "$.savingUsd")).doubleValue())
                .isCloseTo(gateway - current, org.assertj.core.api.Assertions.within(0.01));

        String hint = mvc.perform(get("/api/nat-gateways/" + targetId + ":" + REGION + ":" + natGateway + "/cost")
                .param("gb", "100")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(hint, "$.currentUsd")).doubleValue())
                .isGreaterThan(((Number) JsonPath.read(hint, "$.alternativeUsd")).doubleValue());
        assertThat(((Number) JsonPath.read(hint, "$.savingUsd")).doubleValue()).isPositive();
        mvc.perform(get("/api/nat-gateways/" + targetId + ":" + REGION + ":" + natGateway + "/cost")
                .param("gb", "-1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("gb"));
    }

    @Test
    void pagesListFilterAndExplainTheFindings() throws Exception {
        String errors = mvc.perform(get("/nat-instances").param("health", "ERROR")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(errors).contains("data-instance=\"" + natX + "\"").contains("data-instance=\"" + natY + "\"");
        String healthy = mvc.perform(get("/nat-instances").param("health", "OK")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(healthy).doesNotContain("data-instance=\"" + natX + "\"");
        String details = mvc.perform(get("/nat-instances/" + targetId + ":" + REGION + ":" + natX))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(details).contains("data-check=\"source-dest-check-on\"", "data-check=\"end-of-life-image\"",
                "data-check=\"ssh-open-to-world\"");
    }

    @Test
    void natInstancesAreListedWithTheirDetailsAndFilteredByHealth() throws Exception {
        String id = targetId + ":" + REGION + ":" + natX;
        mvc.perform(get("/api/nat-instances/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.instanceId").value(natX))
                .andExpect(jsonPath("$.name").value("legacy-nat"))
                .andExpect(jsonPath("$.vpcId").value(badVpc))
                .andExpect(jsonPath("$.availabilityZone").value(A))
                .andExpect(jsonPath("$.instanceType").value("c6gn.medium"))
                .andExpect(jsonPath("$.state").value("running"))
                .andExpect(jsonPath("$.image.name").value(org.hamcrest.Matchers.startsWith("amzn-ami-vpc-nat")))
                .andExpect(jsonPath("$.image.endOfLife").value(true))
                .andExpect(jsonPath("$.elasticIp").value(true))
                .andExpect(jsonPath("$.publicIp").isNotEmpty())
                .andExpect(jsonPath("$.sourceDestCheck").value(true))
                .andExpect(jsonPath("$.servedSubnets[*].availabilityZone",
                        org.hamcrest.Matchers.containsInAnyOrder(A, C)))
                .andExpect(jsonPath("$.securityGroups[0].id").value(sgX))
                .andExpect(jsonPath("$.securityGroups[0].ingress[*].peer",
                        org.hamcrest.Matchers.hasItem("0.0.0.0/0")))
                .andExpect(jsonPath("$.health").value("ERROR"));
        List<String> checks = JsonPath.read(mvc.perform(get("/api/nat-instances/" + id + "/checks"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$[*].checkId");
        assertThat(checks).containsExactlyInAnyOrder("source-dest-check-on", "ssh-open-to-world",
                "nat-serves-several-azs", "sg-tcp-only", "end-of-life-image");
        assertThat(checks.get(0)).isIn("source-dest-check-on", "ssh-open-to-world");

        List<String> good = JsonPath.read(mvc.perform(get("/api/nat-instances").param("target", "" + targetId)
                .param("vpc", goodVpc)).andReturn().getResponse().getContentAsString(), "$[*].instanceId");
        assertThat(good).containsExactlyInAnyOrder(natA, natC);
        List<String> healthy = JsonPath.read(mvc.perform(get("/api/nat-instances").param("target", "" + targetId)
                .param("health", "ok")).andReturn().getResponse().getContentAsString(), "$[*].instanceId");
        assertThat(healthy).containsExactlyInAnyOrder(natA, natC);
        List<String> broken = JsonPath.read(mvc.perform(get("/api/nat-instances").param("region", REGION)
                .param("target", "" + targetId).param("health", "error,warning")).andReturn().getResponse()
                .getContentAsString(), "$[*].instanceId");
        assertThat(broken).containsExactlyInAnyOrder(natX, natY, natDead, natZ);
        mvc.perform(get("/api/nat-instances").param("target", "" + targetId).param("region", "eu-west-1"))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void theScheduledRefreshIsOffInTests(@Autowired org.springframework.context.ApplicationContext context) {
        assertThat(context.containsBean("inventoryRefresher")).isFalse();
        assertThat(context.containsBean("inventoryScanner")).isTrue();
    }

    @Test
    void natGatewaysAreListed() throws Exception {
        mvc.perform(get("/api/nat-gateways").param("target", "" + targetId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].natGatewayId").value(natGateway))
                .andExpect(jsonPath("$[0].id").value(targetId + ":" + REGION + ":" + natGateway))
                .andExpect(jsonPath("$[0].vpcId").value(gatewayVpc))
                .andExpect(jsonPath("$[0].publicIps.length()").value(1))
                .andExpect(jsonPath("$[0].servedSubnets.length()").value(2))
                .andExpect(jsonPath("$[0].health").value("WARNING"));
    }

    @Test
    void badQueriesAreProblemDetails() throws Exception {
        mvc.perform(get("/api/nat-instances").param("health", "sick"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("health"));
        mvc.perform(get("/api/nat-instances").param("expectedMbps", "-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("expectedMbps"));
        mvc.perform(get("/api/nat-instances/" + targetId + ":" + REGION + ":i-0000000000000dead"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/nat-instances/nonsense")).andExpect(status().isNotFound());
        mvc.perform(get("/api/inventory/scans/scan-999999")).andExpect(status().isNotFound());
        mvc.perform(post("/api/inventory/scan").contentType(MediaType.APPLICATION_JSON)
                .content("{\"regions\": [\"mars-1\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("regions[0]"));
        mvc.perform(post("/api/inventory/scan").contentType(MediaType.APPLICATION_JSON)
                .content("{\"targetIds\": [999999]}"))
                .andExpect(status().isNotFound());
    }
}
