package dev.natconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import dev.natconsole.security.internal.Users;
import dev.natconsole.testing.TestData;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.TopologyDefaults;

/** The security rules through real sign-ins, sessions, CSRF tokens and API tokens: no mock users here. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SecurityTest {

    static final String PASSWORD = "correct-horse-battery";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Topologies topologies;

    @Autowired
    AuditLog audit;

    long topologyId;

    @BeforeEach
    void usersAndATopology() {
        for (String name : List.of("viewer", "operator")) {
            if (users.list().stream().noneMatch(user -> user.username().equals(name))) {
                users.create(name, PASSWORD, name.equals("viewer") ? Role.VIEWER : Role.OPERATOR);
            }
        }
        TestData.wipe(jdbc);
        topologyId = topologies.create(TopologyDefaults.seed("secured", null, "ap-northeast-1",
                List.of("ap-northeast-1a"))).topology().id();
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void anonymousCallersAreSentToSignInOrGetA401Problem() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/topologies")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void theFirstAdminComesFromConfigurationAndSessionIdsChangeAtSignIn() throws Exception {
        MockHttpSession before = new MockHttpSession();
        String idBefore = before.getId();
        MvcResult result = mvc.perform(formLogin("/login").user("admin").password("test-admin-password"))
                .andExpect(redirectedUrl("/")).andReturn();
        MockHttpSession after = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).isNotEqualTo(idBefore);
        mvc.perform(get("/api/users").session(after)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'admin')].role").value("ADMIN"));
    }

    @Test
    void aViewerReadsButCannotApplyOrDestroyInPagesOrApi() throws Exception {
        MockHttpSession viewer = signIn("viewer", PASSWORD);
        mvc.perform(get("/api/topologies").session(viewer)).andExpect(status().isOk());
        mvc.perform(get("/topologies/" + topologyId).session(viewer)).andExpect(status().isOk());
        for (String action : List.of("apply", "destroy")) {
            mvc.perform(post("/api/topologies/" + topologyId + "/" + action).session(viewer).with(csrf()))
                    .andExpect(status().isForbidden())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.status").value(403));
            mvc.perform(post("/topologies/" + topologyId + "/" + action).session(viewer).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/wizard/new").session(viewer)).andExpect(status().isForbidden());
        mvc.perform(post("/api/targets").session(viewer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
    }

    @Test
    void aPostWithoutACsrfTokenIsRefused() throws Exception {
        MockHttpSession operator = signIn("operator", PASSWORD);
        String body = "{\"name\": \"csrf\", \"availabilityZones\": [{\"name\": \"ap-northeast-1a\"}]}";
        mvc.perform(post("/api/topologies").session(operator).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/topologies/" + topologyId + "/delete").session(operator))
                .andExpect(status().isForbidden());
        assertThat(topologies.list()).hasSize(1);
        mvc.perform(post("/api/topologies").session(operator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated());
        // An operator may change topologies but not targets.
        mvc.perform(post("/api/targets").session(operator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
    }

    @Test
    void anApiTokenAuthenticatesUntilItIsRevoked() throws Exception {
        MockHttpSession admin = signIn("admin", "test-admin-password");
        String made = mvc.perform(post("/api/tokens").session(admin).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"operator\", \"name\": \"ci\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(made, "$.value");
        long tokenId = ((Number) JsonPath.read(made, "$.token.id")).longValue();
        assertThat(token).startsWith("nct_");
        // Listing never shows the value again.
        String listed = mvc.perform(get("/api/tokens").session(admin)).andReturn().getResponse()
                .getContentAsString();
        assertThat(listed).doesNotContain(token);

        mvc.perform(get("/api/topologies").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        // Bearer requests need no CSRF token, and keep the user's role rules.
        mvc.perform(post("/api/topologies").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"by-token\", \"availabilityZones\": [{\"name\": \"ap-northeast-1a\"}]}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/users").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());

        mvc.perform(delete("/api/tokens/" + tokenId).session(admin).with(csrf())).andExpect(status().isOk());
        mvc.perform(get("/api/topologies").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("The API token is unknown or revoked"));
        mvc.perform(get("/api/topologies").header("Authorization", "Bearer nct_made-up"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void everyMutatingActionIsAudited() throws Exception {
        long before = audit.all().size();
        MockHttpSession operator = signIn("operator", PASSWORD);
        MockHttpSession viewer = signIn("viewer", PASSWORD);
        mvc.perform(post("/api/topologies/" + topologyId + "/apply").session(viewer).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/topologies").session(operator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"audited\", \"availabilityZones\": [{\"name\": \"ap-northeast-1a\"}]}"))
                .andExpect(status().isCreated());
        mvc.perform(delete("/api/topologies/" + topologyId).session(operator).with(csrf()))
                .andExpect(status().isNoContent());
        List<AuditLog.Event> events = audit.all().subList((int) before, audit.all().size());
        assertThat(events).extracting(AuditLog.Event::actor, AuditLog.Event::action, AuditLog.Event::outcome)
                .containsSubsequence(
                        org.assertj.core.groups.Tuple.tuple("operator", "login", "success"),
                        org.assertj.core.groups.Tuple.tuple("viewer", "login", "success"),
                        org.assertj.core.groups.Tuple.tuple("viewer", "apply", "denied"),
                        org.assertj.core.groups.Tuple.tuple("operator", "topology.create", "success"),
                        org.assertj.core.groups.Tuple.tuple("operator", "topology.delete", "success"));
        assertThat(events).filteredOn(event -> event.action().equals("apply"))
                .extracting(AuditLog.Event::subject).containsExactly("topology " + topologyId);

        MockHttpSession admin = signIn("admin", "test-admin-password");
        String csv = mvc.perform(get("/api/audit/export").param("format", "csv").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("id,at,actor,action,subject,outcome,detail,remote")
                .contains(",viewer,apply,topology " + topologyId + ",denied,");
        mvc.perform(get("/api/audit/export").param("format", "json").session(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.action == 'topology.delete')].actor", org.hamcrest.Matchers.hasItem("operator")));
        mvc.perform(get("/api/audit").session(operator)).andExpect(status().isForbidden());
    }

    @Test
    void repeatedFailedSignInsLockTheUserAndAreAudited() throws Exception {
        if (users.list().stream().noneMatch(user -> user.username().equals("guessed"))) {
            users.create("guessed", PASSWORD, Role.VIEWER);
        }
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("guessed").password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // Now even the right password is refused for a while.
        mvc.perform(formLogin("/login").user("guessed").password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        assertThat(audit.all()).filteredOn(event -> event.action().equals("login.failed")
                && event.actor().equals("guessed")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        MockHttpSession viewer = signIn("viewer", PASSWORD);
        mvc.perform(get("/").session(viewer)).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }
}
