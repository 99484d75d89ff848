package dev.natconsole.inventory;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a NAT path found in an account costs a month, and what the other kind would cost instead: a NAT Gateway
 * for a NAT instance, or a NAT instance ({@code instanceType}) for a NAT Gateway, the migration hint. A null
 * amount means a price is unknown; {@code unknownLines} says which.
 */
public record NatCostHint(String natPathId, String kind, String instanceType, BigDecimal trafficGb,
        BigDecimal currentUsd, BigDecimal alternativeUsd, BigDecimal savingUsd, String alternative,
        List<String> unknownLines, List<String> notes) {
}
