package dev.natconsole.inventory.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import dev.natconsole.inventory.ScanRequest;

/**
 * Re-scans every target on a fixed delay ({@code natconsole.inventory.refresh.interval}, after
 * {@code initial-delay}); off with {@code natconsole.inventory.refresh.enabled=false}, as in tests. A refresh is
 * skipped while an earlier scan is still running.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "natconsole.inventory.refresh.enabled", havingValue = "true", matchIfMissing = true)
class InventoryRefresher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(InventoryRefresher.class);

    private final InventoryScanner scanner;
    private final InventoryProperties properties;

    InventoryRefresher(InventoryScanner scanner, InventoryProperties properties) {
        this.scanner = scanner;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::refresh, properties.refresh().interval(),
                properties.refresh().initialDelay()));
    }

    void refresh() {
        if (scanner.busy()) {
            log.info("Inventory refresh skipped: a scan is still running");
            return;
        }
        try {
            scanner.start(ScanRequest.everything(), "schedule");
        } catch (RuntimeException e) {
            log.warn("Inventory refresh could not start: {}", e.getMessage());
        }
    }
}
