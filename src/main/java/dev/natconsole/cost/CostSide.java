package dev.natconsole.cost;

import java.math.BigDecimal;
import java.util.List;

import dev.natconsole.topology.NatLayout;

/**
 * One option of the comparison (NAT instances or NAT Gateways) with its lines. Totals are null when any line
 * is unknown, and {@code unknownLines} names those lines. Both totals are linear in traffic:
 * {@code total = fixedUsd + perGbUsd * GB}, which the break-even and the chart use.
 *
 * @param units how many NAT instances or NAT Gateways the option has
 */
public record CostSide(String title, NatLayout layout, int units, List<CostLine> lines, BigDecimal totalUsd,
        BigDecimal totalSecond, List<String> unknownLines, BigDecimal fixedUsd, BigDecimal perGbUsd) {

    public CostSide {
        lines = List.copyOf(lines);
        unknownLines = List.copyOf(unknownLines);
    }

    public boolean known() {
        return totalUsd != null;
    }

    /** The total at {@code gb} per month by the side's linear form, or null when unknown. */
    public BigDecimal totalAt(BigDecimal gb) {
        return fixedUsd == null || perGbUsd == null ? null : fixedUsd.add(perGbUsd.multiply(gb));
    }
}
