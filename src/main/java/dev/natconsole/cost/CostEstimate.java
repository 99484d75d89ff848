package dev.natconsole.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * The monthly cost of a topology's NAT as NAT instances against NAT Gateways, over {@code hoursPerMonth}.
 *
 * @param savingsUsd what the NAT instances save against the NAT Gateways (negative when they cost more); null
 *        when either total is unknown
 * @param breakEvenGb the monthly traffic at which both totals are equal, or null when there is none in
 *        [0, infinity) or a price it needs is unknown; {@code breakEven} says which in words
 * @param unknownLines every unknown line of both sides, "side: line"
 */
public record CostEstimate(String region, int availabilityZones, BigDecimal hoursPerMonth, Traffic traffic,
        CostSide natInstances, CostSide natGateways, BigDecimal savingsUsd, BigDecimal savingsSecond,
        BigDecimal breakEvenGb, String breakEven, SecondCurrency secondCurrency, List<String> unknownLines,
        List<Caveat> caveats, List<String> notes) {

    public CostEstimate {
        unknownLines = List.copyOf(unknownLines);
        caveats = List.copyOf(caveats);
        notes = List.copyOf(notes);
    }

    /** Whether every line has a known price, so that the totals, savings and break-even mean what they say. */
    public boolean complete() {
        return unknownLines.isEmpty();
    }
}
