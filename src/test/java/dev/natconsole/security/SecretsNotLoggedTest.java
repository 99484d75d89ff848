package dev.natconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.natconsole.provisioning.Provisioning;
import dev.natconsole.provisioning.RunStatus;
import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.testing.MotoServer;
import dev.natconsole.testing.TestData;

/**
 * A full apply and destroy with the console's and the SDK's debug logging on writes no secret anywhere: not the
 * emulator key the SDK signs with, not a request signature, not a password or API token.
 */
@ConsoleIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.dev.natconsole=DEBUG", "logging.level.software.amazon.awssdk=DEBUG",
        "logging.level.org.springframework.security=DEBUG"})
class SecretsNotLoggedTest {

    /** The emulator secret key the console signs with (see AwsClientRegistry); distinctive on purpose. */
    static final String EMULATOR_SECRET = "natconsole-emulator-secret-never-logged";

    @Autowired
    MockMvc mvc;

    @Autowired
    Provisioning provisioning;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFullApplyAndDestroyLogNoSecret(MotoServer moto, CapturedOutput output) throws Exception {
        TestData.wipe(jdbc);
        String target = mvc.perform(post("/api/targets").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "moto-secrets", "kind": "EMULATOR", "endpointUrl": "%s", "defaultRegion": "ap-northeast-1"}
                """.formatted(moto.endpoint()))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        String topology = mvc.perform(post("/api/topologies").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "secrets", "targetId": %s, "availabilityZones": [{"name": "ap-northeast-1a"},
                 {"name": "ap-northeast-1c"}], "options": {"testServer": true, "allowIcmp": true}}
                """.formatted(JsonPath.read(target, "$.id").toString()))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(topology, "$.id")).longValue();
        for (String action : List.of("apply", "destroy")) {
            String run = mvc.perform(post("/api/topologies/" + id + "/" + action)).andExpect(status().isAccepted())
                    .andReturn().getResponse().getContentAsString();
            long runId = ((Number) JsonPath.read(run, "$.id")).longValue();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> provisioning.run(runId).status().finished());
            assertThat(provisioning.run(runId).status()).isEqualTo(RunStatus.SUCCEEDED);
        }

        String logged = output.getAll();
        // The debug logging really ran, down to the SDK's request signing.
        assertThat(logged).contains("Sending Request").contains("AWS4 Canonical Request").contains("APPLY run");
        assertThat(logged).doesNotContain(EMULATOR_SECRET)
                .doesNotContain("Signature=")
                .doesNotContainIgnoringCase("x-amz-security-token")
                .doesNotContain("test-admin-password")
                .doesNotContain("nct_");
        // Nor is any key stored with the target.
        assertThat(jdbc.queryForList("select * from aws_target").toString()).doesNotContain(EMULATOR_SECRET);
    }
}
