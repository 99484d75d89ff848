package dev.natconsole.inventory;

import java.util.Set;

/**
 * Filters for the inventory lists; a null field does not filter. {@code health} keeps paths whose worst finding
 * is one of the given levels. {@code expectedMbps} is the steady traffic a NAT is expected to carry, for the
 * burstable-baseline check; null takes the configured default ({@code natconsole.inventory.expected-traffic-mbps}).
 */
public record InventoryQuery(Long targetId, String region, String vpcId, Set<Health> health, Double expectedMbps) {

    public static InventoryQuery all() {
        return new InventoryQuery(null, null, null, null, null);
    }

    /** Hours in AWS's billing month, to turn a monthly volume into a steady rate. */
    public static final double HOURS_PER_MONTH = 730;

    /** The steady rate in Mbit/s that moves {@code gigabytes} (decimal GB) in a 730-hour month. */
    public static double mbpsForGbPerMonth(double gigabytes) {
        return gigabytes * 8_000 / (HOURS_PER_MONTH * 3_600);
    }
}
