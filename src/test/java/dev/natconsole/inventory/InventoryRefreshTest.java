package dev.natconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.natconsole.target.NewTarget;
import dev.natconsole.target.TargetKind;
import dev.natconsole.target.Targets;
import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.testing.MotoServer;

/**
 * The background refresh, switched on with a short interval: it scans every target on its own. The context is
 * closed afterwards so that its schedule does not keep scanning while other test classes run.
 */
@ConsoleIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = { "natconsole.inventory.refresh.enabled=true",
        "natconsole.inventory.refresh.interval=PT0.3S", "natconsole.inventory.refresh.initial-delay=PT0S",
        "natconsole.inventory.regions=ap-southeast-2" })
class InventoryRefreshTest {

    @Autowired
    Inventory inventory;

    @Autowired
    Targets targets;

    @Test
    void scansEveryTargetOnASchedule(MotoServer moto, @Autowired ApplicationContext context) {
        assertThat(context.containsBean("inventoryRefresher")).isTrue();
        long id = targets.create(new NewTarget("moto-refresh", TargetKind.EMULATOR, moto.endpoint().toString(), null,
                "ap-southeast-2")).id();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> inventory.scans().stream()
                    .anyMatch(scan -> "schedule".equals(scan.trigger()) && scan.state() == ScanStatus.State.SUCCEEDED
                            && scan.regions().stream().anyMatch(r -> r.targetId() == id
                                    && "ap-southeast-2".equals(r.region()))));
        } finally {
            targets.delete(id);
        }
    }
}
