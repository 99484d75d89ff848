package dev.natconsole.cost;

import static dev.natconsole.cost.CostFixtures.CATALOG;
import static dev.natconsole.cost.CostFixtures.YEN_150;
import static dev.natconsole.cost.CostFixtures.spec;
import static dev.natconsole.cost.CostFixtures.zoneName;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.natconsole.cost.internal.CostModel;
import dev.natconsole.topology.InstanceType;
import dev.natconsole.topology.InstanceTypes;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.TopologySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the comparison: more traffic never makes the NAT Gateway relatively cheaper (what the NAT
 * instances save never shrinks as traffic grows), and a break-even, where there is one, is where the totals meet.
 */
class CostComparisonProperties {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** A region and instance type whose prices are all known in the bundled catalog. */
    record Priced(String region, String instanceType) {
    }

    @Provide
    Arbitrary<Priced> pricedInCatalog() {
        List<Priced> priced = new ArrayList<>();
        for (String region : CATALOG.regions()) {
            for (InstanceType type : InstanceTypes.all()) {
                CostEstimate probe = CostModel.estimate(CATALOG.sheet(region),
                        spec(region, type.name(), NatLayout.SHARED_NAT_INSTANCE, 2), Traffic.ofGb(1), YEN_150);
                if (probe.complete()) {
                    priced.add(new Priced(region, type.name()));
                }
            }
        }
        assertThat(priced).as("catalog regions with every price known").isNotEmpty();
        return Arbitraries.of(priced);
    }

    @Provide
    Arbitrary<BigDecimal> gigabytes() {
        return Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2000000")).ofScale(2));
    }

    @Property(tries = 500)
    void moreTrafficNeverMakesTheNatGatewayRelativelyCheaper(@ForAll("pricedInCatalog") Priced priced,
            @ForAll NatLayout layout, @ForAll @IntRange(min = 1, max = 6) int zones,
            @ForAll("gigabytes") BigDecimal less, @ForAll("gigabytes") BigDecimal extra,
            @ForAll("weights") List<Integer> weights) {
        TopologySpec spec = spec(priced.region(), priced.instanceType(), layout, zones);
        PriceSheet sheet = CATALOG.sheet(priced.region());

        CostEstimate lower = CostModel.estimate(sheet, spec, traffic(less, zones, priced.region(), weights), YEN_150);
        CostEstimate higher = CostModel.estimate(sheet, spec, traffic(less.add(extra), zones, priced.region(),
                weights), YEN_150);

        // The gap is rounded per line to a hundredth of a cent; allow that, no more.
        assertThat(higher.savingsUsd()).isGreaterThanOrEqualTo(lower.savingsUsd().subtract(new BigDecimal("0.001")));
        assertThat(higher.natGateways().totalUsd()).isGreaterThanOrEqualTo(lower.natGateways().totalUsd());
        assertBreakEvenMeets(sheet, spec, lower);
    }

    @Property(tries = 1000)
    void breakEvenIsWhereTheTotalsMeet(@ForAll("sheets") PriceSheet sheet, @ForAll NatLayout layout,
            @ForAll @IntRange(min = 1, max = 6) int zones, @ForAll("gigabytes") BigDecimal gb,
            @ForAll("weights") List<Integer> weights) {
        TopologySpec spec = spec("us-east-1", "c6gn.large", layout, zones);
        CostEstimate estimate = CostModel.estimate(sheet, spec, traffic(gb, zones, "us-east-1", weights), YEN_150);
        Statistics.label("break-even").collect(estimate.breakEvenGb() == null ? "none" : "exists");
        Statistics.label("break-even").coverage(check -> check.check("exists").percentage(p -> p >= 10));

        assertBreakEvenMeets(sheet, spec, estimate);
    }

    /**
     * The break-even scales the estimate's traffic with its split kept, so the check does the same: at the
     * break-even the totals meet, and the cheaper option at 0 GB is not the cheaper one far beyond it.
     */
    private static void assertBreakEvenMeets(PriceSheet sheet, TopologySpec spec, CostEstimate estimate) {
        BigDecimal breakEven = estimate.breakEvenGb();
        BigDecimal gapAtZero = gap(sheet, spec, scaled(estimate.traffic(), BigDecimal.ZERO));
        // "Far out" must lie beyond the break-even, which near-parallel cost lines can put past 10^8 GB.
        BigDecimal farOut = new BigDecimal("100000000");
        if (breakEven != null && breakEven.compareTo(farOut) >= 0) {
            farOut = breakEven.multiply(BigDecimal.valueOf(2)).add(BigDecimal.ONE);
        }
        BigDecimal gapFarOut = gap(sheet, spec, scaled(estimate.traffic(), farOut));
        if (breakEven == null) {
            // No crossing in [0, infinity): the same option is cheaper (or equal) all the way.
            assertThat(gapAtZero.signum() * gapFarOut.signum()).isGreaterThanOrEqualTo(0);
            return;
        }
        assertThat(breakEven).isNotNegative();
        CostEstimate there = CostModel.estimate(sheet, spec, scaled(estimate.traffic(), breakEven), YEN_150);
        assertThat(there.savingsUsd().abs()).isLessThanOrEqualTo(CENT);
        assertThat(there.natInstances().totalUsd()).isCloseTo(there.natGateways().totalUsd(),
                org.assertj.core.api.Assertions.within(CENT));
        assertThat(gapAtZero.signum() * gapFarOut.signum()).isLessThanOrEqualTo(0);
    }

    private static BigDecimal gap(PriceSheet sheet, TopologySpec spec, Traffic traffic) {
        return CostModel.estimate(sheet, spec, traffic, YEN_150).savingsUsd();
    }

    /** The same split at another total; a split of 0 GB has no proportions and becomes even, as in the model. */
    private static Traffic scaled(Traffic traffic, BigDecimal total) {
        if (!traffic.split() || traffic.totalGb().signum() == 0) {
            return Traffic.ofGb(total);
        }
        Map<String, BigDecimal> perAz = new LinkedHashMap<>();
        traffic.perAzGb().forEach((zone, gb) -> perAz.put(zone,
                gb.multiply(total).divide(traffic.totalGb(), java.math.MathContext.DECIMAL64)));
        return Traffic.perAz(perAz);
    }

    /** The total split over the zones by weights (an even split when the weights are empty or all zero). */
    private static Traffic traffic(BigDecimal total, int zones, String region, List<Integer> weights) {
        List<Integer> used = weights.subList(0, Math.min(zones, weights.size()));
        int sum = used.stream().mapToInt(Integer::intValue).sum();
        if (weights.isEmpty() || sum == 0) {
            return Traffic.ofGb(total);
        }
        Map<String, BigDecimal> perAz = new LinkedHashMap<>();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < used.size(); i++) {
            BigDecimal share = i == used.size() - 1 ? total.subtract(given)
                    : total.multiply(BigDecimal.valueOf(used.get(i)))
                            .divide(BigDecimal.valueOf(sum), 2, java.math.RoundingMode.DOWN);
            given = given.add(share);
            perAz.put(zoneName(region, i), share);
        }
        return Traffic.perAz(perAz);
    }

    @Provide
    Arbitrary<List<Integer>> weights() {
        return Arbitraries.integers().between(0, 10).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<PriceSheet> sheets() {
        Arbitrary<BigDecimal> hourly = Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("0.5"))
                .ofScale(4);
        Arbitrary<BigDecimal> perGb = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.2"))
                .ofScale(4);
        Arbitrary<BigDecimal> small = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.2"))
                .ofScale(3);
        return Combinators.combine(hourly, hourly, perGb, perGb, small, small).as((instance, gateway, gatewayGb,
                interAz, ipv4, gp3) -> {
            Map<String, Price> prices = new LinkedHashMap<>();
            put(prices, PriceItems.ec2Hour("c6gn.large"), instance);
            put(prices, PriceItems.NAT_GATEWAY_HOUR, gateway);
            put(prices, PriceItems.NAT_GATEWAY_GB, gatewayGb);
            put(prices, PriceItems.INTER_AZ_GB, interAz);
            put(prices, PriceItems.PUBLIC_IPV4_HOUR, ipv4.divide(BigDecimal.TEN));
            put(prices, PriceItems.GP3_GB_MONTH, gp3);
            return new PriceSheet("generated", true, new BigDecimal("730"), new BigDecimal("8"), prices);
        });
    }

    private static void put(Map<String, Price> prices, String item, BigDecimal usd) {
        prices.put(item, new Price(item, usd, "USD", "generated", LocalDate.of(2026, 1, 1), PriceOrigin.BUNDLED));
    }
}
