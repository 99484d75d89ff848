package dev.natconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.natconsole.provisioning.Provisioning;
import dev.natconsole.provisioning.RunStatus;
import dev.natconsole.provisioning.RunView;
import dev.natconsole.provisioning.internal.ProvisioningEngine;
import dev.natconsole.provisioning.internal.RunStep;
import dev.natconsole.provisioning.internal.StepListener;
import dev.natconsole.provisioning.internal.StepOutcome;
import dev.natconsole.shared.ConflictException;
import dev.natconsole.target.NewTarget;
import dev.natconsole.target.TargetKind;
import dev.natconsole.target.Targets;
import dev.natconsole.testing.LocalPostgres;
import dev.natconsole.testing.MotoExtension;
import dev.natconsole.testing.MotoServer;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.TopologyDefaults;

/**
 * A shared deployment: console instances with the {@code postgres} profile on one real PostgreSQL. Flyway
 * migrates it once, what one instance stores the other reads, concurrent applies of one topology start exactly
 * one run, and a run whose instance died is found by another instance and resumed there.
 */
@ExtendWith(MotoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresProfileTest {

    LocalPostgres postgres;
    ConfigurableApplicationContext first;
    ConfigurableApplicationContext second;
    long targetId;

    @BeforeAll
    void startDatabaseAndTwoInstances(MotoServer moto) {
        postgres = LocalPostgres.start();
        first = instance();
        second = instance();
        targetId = first.getBean(Targets.class).create(new NewTarget("moto", TargetKind.EMULATOR,
                moto.endpoint().toString(), null, "ap-northeast-1")).id();
    }

    private ConfigurableApplicationContext instance() {
        // Command-line arguments, as an operator would pass them; they outrank application-postgres.yml.
        return new SpringApplicationBuilder(NatConsoleApplication.class).profiles("postgres")
                .run("--spring.datasource.url=" + postgres.jdbcUrl(),
                        "--spring.datasource.username=" + postgres.username(), "--spring.datasource.password=",
                        "--server.port=0", "--natconsole.admin.password=postgres-admin-password",
                        "--natconsole.inventory.refresh.enabled=false",
                        // Short so the test need not wait a minute for an orphan to be noticed.
                        "--natconsole.provisioning.heartbeat-interval=PT0.5S",
                        "--natconsole.provisioning.orphan-after=PT3S");
    }

    @AfterAll
    void stop() {
        for (var context : new ConfigurableApplicationContext[] {second, first}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private long topology(ConfigurableApplicationContext instance, String name) {
        return instance.getBean(Topologies.class).create(TopologyDefaults.seed(name, targetId, "ap-northeast-1",
                List.of("ap-northeast-1a"))).topology().id();
    }

    private static RunView awaitFinished(ConfigurableApplicationContext instance, long runId) {
        Provisioning provisioning = instance.getBean(Provisioning.class);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> provisioning.run(runId).status().finished());
        return provisioning.run(runId);
    }

    @Test
    void bothInstancesShareOneMigratedDatabase() {
        var created = first.getBean(Topologies.class).create(TopologyDefaults.seed("shared", null, "ap-northeast-1",
                List.of("ap-northeast-1a", "ap-northeast-1c"))).topology();
        var seen = second.getBean(Topologies.class).get(created.id());
        assertThat(seen.spec()).isEqualTo(created.spec());
        assertThat(first.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
    }

    @Test
    void concurrentAppliesFromBothInstancesStartExactlyOneRun() throws Exception {
        long id = topology(first, "contended");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<RunView>> attempts = new ArrayList<>();
        for (var instance : List.of(first, second)) {
            attempts.add(pool.submit(() -> {
                go.await();
                return instance.getBean(Provisioning.class).apply(id);
            }));
        }
        go.countDown();
        List<RunView> started = new ArrayList<>();
        int refused = 0;
        for (Future<RunView> attempt : attempts) {
            try {
                started.add(attempt.get());
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                refused++;
            }
        }
        pool.shutdown();
        assertThat(started).hasSize(1);
        assertThat(refused).isEqualTo(1);
        assertThat(awaitFinished(first, started.get(0).id()).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.getBean(Provisioning.class).runs(id)).hasSize(1);
    }

    @Test
    void aRunOrphanedByADeadInstanceIsDetectedAndResumedByAnother() {
        ConfigurableApplicationContext doomed = instance();
        long id = topology(doomed, "orphaned");
        // The doomed instance dies right after its fourth step: nothing more of the run is recorded.
        ProvisioningEngine engine = doomed.getBean(ProvisioningEngine.class);
        engine.listeners().add(new StepListener() {
            private final java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public void afterStep(long runId, RunStep step, StepOutcome outcome) {
                if (done.incrementAndGet() == 4) {
                    throw new IllegalStateException("simulated death of the instance");
                }
            }
        });
        long runId = doomed.getBean(Provisioning.class).apply(id).id();
        Provisioning survivor = second.getBean(Provisioning.class);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> doomed.getBean(ProvisioningEngine.class).activeRun(runId).isEmpty());
        doomed.close();
        assertThat(survivor.run(runId).status()).isEqualTo(RunStatus.RUNNING);

        // No heartbeat comes any more: the survivor marks the run interrupted, and it can be resumed there.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> survivor.run(runId).status() == RunStatus.INTERRUPTED);
        RunView resumed = survivor.resume(id, runId);
        assertThat(awaitFinished(second, resumed.id()).status()).isEqualTo(RunStatus.SUCCEEDED);
    }
}
