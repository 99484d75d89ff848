package dev.natconsole.cost;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Expected monthly traffic through the NAT, in GB processed (both directions, as a NAT Gateway counts it).
 * {@code perAzGb} optionally splits it by availability zone name; zones it leaves out carry nothing. Without
 * a split the traffic is spread evenly over the topology's zones.
 */
public record Traffic(BigDecimal totalGb, Map<String, BigDecimal> perAzGb) {

    public Traffic {
        perAzGb = perAzGb == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perAzGb));
        if (totalGb == null && !perAzGb.isEmpty()) {
            totalGb = perAzGb.values().stream().filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public static Traffic ofGb(BigDecimal totalGb) {
        return new Traffic(totalGb, Map.of());
    }

    public static Traffic ofGb(long totalGb) {
        return ofGb(BigDecimal.valueOf(totalGb));
    }

    public static Traffic perAz(Map<String, BigDecimal> perAzGb) {
        return new Traffic(null, perAzGb);
    }

    public boolean split() {
        return !perAzGb.isEmpty();
    }
}
