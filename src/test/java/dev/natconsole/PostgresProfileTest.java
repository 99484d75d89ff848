package dev.natconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.natconsole.testing.LocalPostgres;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.TopologyDefaults;

/**
 * Two console instances with the {@code postgres} profile on one real PostgreSQL: Flyway migrates it once, and
 * what one instance stores the other reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresProfileTest {

    LocalPostgres postgres;
    ConfigurableApplicationContext first;
    ConfigurableApplicationContext second;

    @BeforeAll
    void startDatabaseAndTwoInstances() {
        postgres = LocalPostgres.start();
        first = instance();
        second = instance();
    }

    private ConfigurableApplicationContext instance() {
        // Command-line arguments, as an operator would pass them; they outrank application-postgres.yml.
        return new SpringApplicationBuilder(NatConsoleApplication.class).profiles("postgres")
                .run("--spring.datasource.url=" + postgres.jdbcUrl(),
                        "--spring.datasource.username=" + postgres.username(), "--spring.datasource.password=",
                        "--server.port=0", "--natconsole.admin.password=postgres-admin-password",
                        "--natconsole.inventory.refresh.enabled=false");
    }

    @AfterAll
    void stop() {
        for (var context : new ConfigurableApplicationContext[] {second, first}) {
            if (context != null) {
                context.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void bothInstancesShareOneMigratedDatabase() {
        var created = first.getBean(Topologies.class).create(TopologyDefaults.seed("shared", null, "ap-northeast-1",
                List.of("ap-northeast-1a", "ap-northeast-1c"))).topology();
        var seen = second.getBean(Topologies.class).get(created.id());
        assertThat(seen.spec()).isEqualTo(created.spec());
        assertThat(first.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
    }
}
