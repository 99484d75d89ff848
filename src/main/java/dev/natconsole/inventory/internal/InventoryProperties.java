package dev.natconsole.inventory.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code natconsole.inventory.*}: how many (target, region) scans run at once, which regions to scan when a
 * request names none (empty: every region the account has enabled), the traffic NATs are expected to carry
 * (Mbit/s, 0 = unknown, which turns the burstable-baseline check off), how many finished scans to remember, and
 * the background refresh.
 */
@ConfigurationProperties("natconsole.inventory")
public record InventoryProperties(@DefaultValue("4") int scanThreads, @DefaultValue List<String> regions,
        @DefaultValue("0") double expectedTrafficMbps, @DefaultValue("20") int keptScans,
        @DefaultValue Refresh refresh) {

    public InventoryProperties {
        regions = regions == null ? List.of() : List.copyOf(regions);
        if (scanThreads < 1) {
            throw new IllegalArgumentException("natconsole.inventory.scan-threads must be at least 1");
        }
    }

    public record Refresh(@DefaultValue("true") boolean enabled, @DefaultValue("PT15M") Duration interval,
            @DefaultValue("PT1M") Duration initialDelay) {
    }
}
