package dev.natconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.testing.MotoServer;
import dev.natconsole.testing.TestData;

/** The topology API end to end, with AZs checked against moto through the console's own SDK client. */
@ConsoleIntegrationTest
class TopologyApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    long targetId;

    @BeforeEach
    void registerMotoTarget(MotoServer moto) throws Exception {
        String body = mvc.perform(post("/api/targets").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "moto", "kind": "EMULATOR", "endpointUrl": "%s", "defaultRegion": "ap-northeast-1"}
                """.formatted(moto.endpoint()))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        targetId = ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @AfterEach
    void cleanUp() {
        TestData.wipe(jdbc);
    }

    private String seed(String name) {
        return """
                {"name": "%s", "targetId": %d, "region": "ap-northeast-1", "vpcCidr": "172.16.0.0/16",
                 "availabilityZones": [
                   {"name": "ap-northeast-1a", "publicSubnetCidr": "172.16.0.0/24", "privateSubnetCidr": "172.16.1.0/24"},
                   {"name": "ap-northeast-1c", "publicSubnetCidr": "172.16.2.0/24", "privateSubnetCidr": "172.16.3.0/24"}],
                 "natLayout": "NAT_INSTANCE_PER_AZ",
                 "nat": {"instanceType": "t4g.nano", "image": "AMAZON_LINUX_2023", "keyPairName": "admin"}}
                """.formatted(name, targetId);
    }

    private long create(String json) throws Exception {
        var response = mvc.perform(post("/api/topologies").contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse();
        String body = response.getContentAsString();
        assertThat(response.getStatus()).as(body).isEqualTo(201);
        assertThat(response.getHeader("Location")).isEqualTo("/api/topologies/" + JsonPath.read(body, "$.id"));
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private int storedCount() throws Exception {
        return JsonPath.<List<Object>>read(mvc.perform(get("/api/topologies")).andReturn().getResponse()
                .getContentAsString(), "$").size();
    }

    @Test
    void seedTopologyIsCreatedReadAndPlanned() throws Exception {
        long id = create(seed("seed"));
        mvc.perform(get("/api/topologies/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.spec.name").value("seed"))
                .andExpect(jsonPath("$.spec.availabilityZones", hasSize(2)))
                .andExpect(jsonPath("$.spec.nat.instanceType").value("t4g.nano"));

        String plan = mvc.perform(get("/api/topologies/" + id + "/plan")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(plan, "$.actions[*].id");
        List<Map<String, Object>> actions = JsonPath.read(plan, "$.actions");
        // STEPS.md 1-10: VPC, subnets, route tables, IGW and its route, SG, NAT, EIP, src/dst check, private route.
        for (String zone : List.of("ap-northeast-1a", "ap-northeast-1c")) {
            assertThat(ids).contains("subnet-public-" + zone, "subnet-private-" + zone, "rtb-public-assoc-" + zone,
                    "rtb-private-" + zone, "sg-nat-ingress-tcp80-" + zone, "sg-nat-ingress-tcp443-" + zone,
                    "nat-" + zone, "eip-nat-" + zone, "eip-nat-" + zone + "-assoc",
                    "nat-" + zone + "-source-dest-check", "route-private-default-" + zone);
        }
        assertThat(ids).contains("vpc", "vpc-dns-hostnames", "igw", "igw-attachment", "rtb-public",
                "route-public-default", "sg-nat");
        for (Map<String, Object> action : actions) {
            @SuppressWarnings("unchecked")
            List<String> dependsOn = (List<String>) action.get("dependsOn");
            for (String dependency : dependsOn) {
                assertThat(ids.indexOf(dependency)).as(action.get("id") + " after " + dependency)
                        .isLessThan(ids.indexOf((String) action.get("id")));
            }
        }
    }

    @Test
    void defaultsFollowTheSeed() throws Exception {
        long id = create("""
                {"name": "defaults", "targetId": %d, "availabilityZones": [{"name": "ap-northeast-1a"},
                 {"name": "ap-northeast-1c"}]}""".formatted(targetId));
        mvc.perform(get("/api/topologies/" + id))
                .andExpect(jsonPath("$.spec.region").value("ap-northeast-1"))
                .andExpect(jsonPath("$.spec.vpcCidr").value("172.16.0.0/16"))
                .andExpect(jsonPath("$.spec.availabilityZones[0].publicSubnetCidr").value("172.16.0.0/24"))
                .andExpect(jsonPath("$.spec.availabilityZones[0].privateSubnetCidr").value("172.16.1.0/24"))
                .andExpect(jsonPath("$.spec.availabilityZones[1].publicSubnetCidr").value("172.16.2.0/24"))
                .andExpect(jsonPath("$.spec.availabilityZones[1].privateSubnetCidr").value("172.16.3.0/24"))
                .andExpect(jsonPath("$.spec.natLayout").value("NAT_INSTANCE_PER_AZ"))
                .andExpect(jsonPath("$.spec.nat.image").value("AMAZON_LINUX_2023"));
    }

    static List<Arguments> badRequests() {
        return List.of(
                Arguments.of("malformed CIDR", "\"vpcCidr\": \"172.16.0.0/16\"", "\"vpcCidr\": \"172.16.0/16\"",
                        "vpcCidr"),
                Arguments.of("a /8 VPC", "\"vpcCidr\": \"172.16.0.0/16\"", "\"vpcCidr\": \"172.0.0.0/8\"",
                        "vpcCidr"),
                Arguments.of("subnet outside the VPC", "\"publicSubnetCidr\": \"172.16.2.0/24\"",
                        "\"publicSubnetCidr\": \"10.0.2.0/24\"", "availabilityZones[1].publicSubnetCidr"),
                Arguments.of("overlapping subnets", "\"privateSubnetCidr\": \"172.16.3.0/24\"",
                        "\"privateSubnetCidr\": \"172.16.0.0/23\"", "availabilityZones[1].privateSubnetCidr"),
                Arguments.of("AZ not in the region", "{\"name\": \"ap-northeast-1c\"",
                        "{\"name\": \"ap-northeast-1b\"", "availabilityZones[1].name"),
                Arguments.of("SSH open to the world", "\"keyPairName\": \"admin\"",
                        "\"keyPairName\": \"admin\", \"sshAdminCidr\": \"0.0.0.0/0\"", "nat.sshAdminCidr"),
                Arguments.of("unknown instance type", "\"t4g.nano\"", "\"m9.galactic\"", "nat.instanceType"),
                Arguments.of("unknown layout", "\"NAT_INSTANCE_PER_AZ\"", "\"NAT_SOMETHING\"", "natLayout"),
                Arguments.of("unknown region", "\"region\": \"ap-northeast-1\"", "\"region\": \"ap-nowhere-9\"",
                        "region"),
                Arguments.of("unknown target", "\"targetId\": ", "\"targetId\": 99", "targetId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsA400NamingTheFieldAndNothingIsStored(String name, String from, String to, String field)
            throws Exception {
        String json = seed("bad").replace(from, to);
        assertThat(json).isNotEqualTo(seed("bad"));
        mvc.perform(post("/api/topologies").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
        assertThat(storedCount()).isZero();
    }

    @Test
    void zeroOrSevenZonesAreRefused() throws Exception {
        String none = "{\"name\": \"none\", \"targetId\": %d, \"availabilityZones\": []}".formatted(targetId);
        mvc.perform(post("/api/topologies").contentType(MediaType.APPLICATION_JSON).content(none))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("availabilityZones")));
        String seven = "{\"name\": \"seven\", \"availabilityZones\": [%s]}".formatted(String.join(",",
                List.of("a", "c", "d", "e", "f", "g", "h").stream()
                        .map(letter -> "{\"name\": \"ap-northeast-1" + letter + "\"}").toList()));
        mvc.perform(post("/api/topologies").contentType(MediaType.APPLICATION_JSON).content(seven))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("availabilityZones")));
        assertThat(storedCount()).isZero();
    }

    @Test
    void namesAreUniqueAndSshToTheWorldNeedsConfirmation() throws Exception {
        create(seed("taken"));
        mvc.perform(post("/api/topologies").contentType(MediaType.APPLICATION_JSON).content(seed("taken")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
        String confirmed = seed("open").replace("\"keyPairName\": \"admin\"",
                "\"keyPairName\": \"admin\", \"sshAdminCidr\": \"0.0.0.0/0\", \"sshOpenToWorldConfirmed\": true");
        mvc.perform(post("/api/topologies").contentType(MediaType.APPLICATION_JSON).content(confirmed))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[*].field", hasItem("nat.sshAdminCidr")));
        assertThat(storedCount()).isEqualTo(2);
    }

    @Test
    void updateValidatesLikeCreateAndDeleteRemoves() throws Exception {
        long id = create(seed("first"));
        mvc.perform(put("/api/topologies/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(seed("first").replace("\"t4g.nano\"", "\"t3.micro\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.spec.nat.instanceType").value("t3.micro"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/topologies/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(seed("first").replace("172.16.0.0/16", "10.0.0.0/8")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/topologies/" + id)).andExpect(jsonPath("$.spec.vpcCidr").value("172.16.0.0/16"))
                .andExpect(jsonPath("$.spec.nat.instanceType").value("t3.micro"));
        mvc.perform(delete("/api/topologies/" + id)).andExpect(status().isNoContent());
        mvc.perform(get("/api/topologies/" + id)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/topologies/" + id + "/plan")).andExpect(status().isNotFound());
        // The page says so too, rather than failing with a 500.
        mvc.perform(get("/topologies/" + id)).andExpect(status().isNotFound());
        mvc.perform(put("/api/topologies/424242").contentType(MediaType.APPLICATION_JSON).content(seed("x")))
                .andExpect(status().isNotFound());
    }

    @Test
    void openApiDescribesTheEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/topologies/{id}/plan']").exists())
                .andExpect(jsonPath("$.paths['/api/targets/{id}/availability-zones']").exists());
    }
}
