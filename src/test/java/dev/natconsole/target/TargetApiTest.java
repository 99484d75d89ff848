package dev.natconsole.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.testing.TestData;
import dev.natconsole.testing.MotoServer;

/** Targets reach moto through the console's own SDK clients: zones and per-target health. */
@ConsoleIntegrationTest
class TargetApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Targets targets;

    @AfterEach
    void cleanUp() {
        TestData.wipe(jdbc);
    }

    private long register(String name, String endpoint) throws Exception {
        String body = mvc.perform(post("/api/targets").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "%s", "kind": "EMULATOR", "endpointUrl": "%s", "defaultRegion": "ap-northeast-1"}
                """.formatted(name, endpoint))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void availabilityZonesComeFromTheTarget(MotoServer moto) throws Exception {
        long id = register("moto", moto.endpoint().toString());
        List<String> expected = moto.ec2("eu-west-1").describeAvailabilityZones().availabilityZones().stream()
                .map(zone -> zone.zoneName()).sorted().toList();
        String zones = mvc.perform(get("/api/targets/" + id + "/availability-zones").param("region", "eu-west-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(zones, "$")).isNotEmpty().isEqualTo(expected);
        mvc.perform(get("/api/targets/" + id + "/availability-zones"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasItem("ap-northeast-1a")));
        mvc.perform(get("/api/targets/" + id + "/availability-zones").param("region", "mars-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("region"));
    }

    @Test
    void healthHasAnIndicatorPerTarget(MotoServer moto) throws Exception {
        register("moto", moto.endpoint().toString());
        register("dead", "http://127.0.0.1:" + closedPort());
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.targets.components.moto.status").value("UP"))
                .andExpect(jsonPath("$.components.targets.components.dead.status").value("UNREACHABLE"));
    }

    @Test
    void anUnreachableTargetIsA502(MotoServer moto) throws Exception {
        long id = register("dead", "http://127.0.0.1:" + closedPort());
        mvc.perform(get("/api/targets/" + id + "/availability-zones"))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.detail", containsString("could not be reached")));
    }

    @Test
    void badTargetsNameTheirFieldsAndAreNotStored() throws Exception {
        mvc.perform(post("/api/targets").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "", "kind": "EMULATOR", "endpointUrl": "ftp://x", "defaultRegion": "nowhere"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("endpointUrl")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("defaultRegion")));
        mvc.perform(post("/api/targets").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "prod", "kind": "AWS", "profileName": "team-prod", "defaultRegion": "us-east-1"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.profileName").value("team-prod"));
        mvc.perform(post("/api/targets").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "prod", "kind": "AWS", "defaultRegion": "us-east-1"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(get("/api/targets")).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(delete("/api/targets/999999")).andExpect(status().isNotFound());
    }

    @Test
    void aTargetInUseCannotBeDeleted(MotoServer moto) throws Exception {
        long id = register("moto", moto.endpoint().toString());
        String body = mvc.perform(post("/api/topologies").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "uses-target", "targetId": %d, "availabilityZones": [{"name": "ap-northeast-1a"}]}
                """.formatted(id))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(delete("/api/targets/" + id)).andExpect(status().isConflict());
        mvc.perform(delete("/api/topologies/" + JsonPath.read(body, "$.id"))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/targets/" + id)).andExpect(status().isNoContent());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
