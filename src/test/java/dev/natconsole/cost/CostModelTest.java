package dev.natconsole.cost;

import static dev.natconsole.cost.CostFixtures.CATALOG;
import static dev.natconsole.cost.CostFixtures.YEN_150;
import static dev.natconsole.cost.CostFixtures.line;
import static dev.natconsole.cost.CostFixtures.spec;
import static dev.natconsole.cost.CostFixtures.usd;
import static dev.natconsole.cost.CostFixtures.zoneName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.natconsole.cost.internal.CostModel;
import dev.natconsole.topology.NatLayout;

class CostModelTest {

    private static final BigDecimal HOURS = new BigDecimal("730");

    private static CostEstimate estimate(String region, String type, NatLayout layout, int zones, Traffic traffic) {
        return CostModel.estimate(CATALOG.sheet(region), spec(region, type, layout, zones), traffic, YEN_150);
    }

    @Test
    void usEast1IdleMatchesFckNatReadme() {
        CostEstimate estimate = estimate("us-east-1", "t4g.nano", NatLayout.NAT_INSTANCE_PER_AZ, 1, Traffic.ofGb(0));

        CostLine gatewayHours = line(estimate.natGateways(), PriceItems.NAT_GATEWAY_HOUR);
        assertThat(gatewayHours.amountUsd())
                .isEqualByComparingTo(usd("us-east-1", PriceItems.NAT_GATEWAY_HOUR).multiply(HOURS))
                .isEqualByComparingTo("32.85");
        CostLine instanceHours = line(estimate.natInstances(), PriceItems.ec2Hour("t4g.nano"));
        assertThat(instanceHours.amountUsd())
                .isEqualByComparingTo(usd("us-east-1", PriceItems.ec2Hour("t4g.nano")).multiply(HOURS));
        assertThat(instanceHours.amountUsd().doubleValue()).isCloseTo(3.07, within(0.01));
    }

    @Test
    void tokyoT3MicroAgainstNatGatewayHoldsTheSeedsClaimInYen() {
        CostEstimate estimate = estimate("ap-northeast-1", "t3.micro", NatLayout.NAT_INSTANCE_PER_AZ, 1,
                Traffic.ofGb(0));

        BigDecimal ipv4 = usd("ap-northeast-1", PriceItems.PUBLIC_IPV4_HOUR).multiply(HOURS);
        BigDecimal instanceUsd = usd("ap-northeast-1", PriceItems.ec2Hour("t3.micro")).multiply(HOURS)
                .add(usd("ap-northeast-1", PriceItems.GP3_GB_MONTH).multiply(CATALOG.sheet("ap-northeast-1")
                        .rootVolumeGib()))
                .add(ipv4);
        BigDecimal gatewayUsd = usd("ap-northeast-1", PriceItems.NAT_GATEWAY_HOUR).multiply(HOURS).add(ipv4);
        assertThat(estimate.natInstances().totalUsd()).isEqualByComparingTo(instanceUsd);
        assertThat(estimate.natGateways().totalUsd()).isEqualByComparingTo(gatewayUsd);

        assertThat(estimate.natInstances().totalSecond()).isBetween(new BigDecimal("1000"), new BigDecimal("3000"));
        assertThat(estimate.natGateways().totalSecond()).isGreaterThan(new BigDecimal("7000"));
        assertThat(estimate.natInstances().totalSecond())
                .isEqualByComparingTo(instanceUsd.multiply(new BigDecimal("150")).setScale(0,
                        java.math.RoundingMode.HALF_UP));
        assertThat(estimate.savingsUsd()).isEqualByComparingTo(gatewayUsd.subtract(instanceUsd));
        assertThat(estimate.breakEvenGb()).isNull();
        assertThat(estimate.breakEven()).contains("NAT instances cost less at every traffic level");
        assertThat(estimate.complete()).isTrue();
    }

    @Test
    void gatewaySideChargesEveryGbAndOneGatewayAndAddressPerAz() {
        CostEstimate estimate = estimate("ap-southeast-1", "t4g.micro", NatLayout.NAT_INSTANCE_PER_AZ, 3,
                Traffic.ofGb(1_000));

        assertThat(estimate.natGateways().units()).isEqualTo(3);
        assertThat(line(estimate.natGateways(), PriceItems.NAT_GATEWAY_GB).amountUsd())
                .isEqualByComparingTo(usd("ap-southeast-1", PriceItems.NAT_GATEWAY_GB).multiply(new BigDecimal(1000)));
        assertThat(line(estimate.natGateways(), PriceItems.NAT_GATEWAY_HOUR).quantity())
                .isEqualByComparingTo("2190");
        assertThat(line(estimate.natGateways(), PriceItems.PUBLIC_IPV4_HOUR).amountUsd())
                .isEqualByComparingTo(new BigDecimal("2190").multiply(usd("ap-southeast-1",
                        PriceItems.PUBLIC_IPV4_HOUR)));
        assertThat(estimate.natInstances().units()).isEqualTo(3);
        assertThat(estimate.natInstances().lines()).extracting(CostLine::item)
                .doesNotContain(PriceItems.INTER_AZ_GB);
    }

    @Test
    void sharedInstanceAddsInterAzBothWaysForTheOtherAzsTraffic() {
        BigDecimal interAz = usd("us-east-1", PriceItems.INTER_AZ_GB);

        CostEstimate even = estimate("us-east-1", "t4g.nano", NatLayout.SHARED_NAT_INSTANCE, 3, Traffic.ofGb(300));
        CostLine crossing = line(even.natInstances(), PriceItems.INTER_AZ_GB);
        // 200 of the 300 GB come from the two other AZs; each GB is charged leaving and entering.
        assertThat(crossing.quantity()).isEqualByComparingTo("400");
        assertThat(crossing.amountUsd()).isEqualByComparingTo(interAz.multiply(new BigDecimal("400")));
        assertThat(even.natInstances().units()).isEqualTo(1);
        assertThat(even.caveats()).extracting(Caveat::kind).contains(Caveat.Kind.SINGLE_POINT_OF_FAILURE);

        Map<String, BigDecimal> split = new LinkedHashMap<>();
        split.put(zoneName("us-east-1", 0), new BigDecimal("100"));
        split.put(zoneName("us-east-1", 1), new BigDecimal("50"));
        CostEstimate uneven = estimate("us-east-1", "t4g.nano", NatLayout.SHARED_NAT_INSTANCE, 3,
                Traffic.perAz(split));
        assertThat(uneven.traffic().totalGb()).isEqualByComparingTo("150");
        assertThat(line(uneven.natInstances(), PriceItems.INTER_AZ_GB).quantity()).isEqualByComparingTo("100");
    }

    @Test
    void gatewayTopologyIsComparedWithInstancesPerAz() {
        CostEstimate estimate = estimate("us-east-1", "t4g.nano", NatLayout.NAT_GATEWAY_PER_AZ, 2, Traffic.ofGb(10));

        assertThat(estimate.natInstances().layout()).isEqualTo(NatLayout.NAT_INSTANCE_PER_AZ);
        assertThat(estimate.natInstances().units()).isEqualTo(2);
        assertThat(estimate.notes()).anyMatch(note -> note.contains("would cost instead"));
    }

    @Test
    void unknownPricesAreNamedAndLeaveNoTotal() {
        CostEstimate frankfurt = estimate("eu-central-1", "t4g.nano", NatLayout.NAT_INSTANCE_PER_AZ, 1,
                Traffic.ofGb(100));
        assertThat(frankfurt.natGateways().totalUsd()).isNull();
        assertThat(frankfurt.natGateways().totalSecond()).isNull();
        assertThat(frankfurt.natGateways().unknownLines()).containsExactly("NAT Gateway",
                "NAT Gateway data processing");
        assertThat(line(frankfurt.natGateways(), PriceItems.NAT_GATEWAY_HOUR).amountUsd()).isNull();
        assertThat(frankfurt.savingsUsd()).isNull();
        assertThat(frankfurt.breakEvenGb()).isNull();
        assertThat(frankfurt.breakEven()).startsWith("Unknown");
        assertThat(frankfurt.complete()).isFalse();
        assertThat(frankfurt.unknownLines()).contains("NAT Gateways: NAT Gateway");
        assertThat(frankfurt.caveats()).filteredOn(caveat -> caveat.kind() == Caveat.Kind.UNKNOWN_PRICE)
                .hasSize(2 + (CATALOG.sheet("eu-central-1").get(PriceItems.GP3_GB_MONTH).known() ? 0 : 1));

        CostEstimate unsourcedType = estimate("us-east-1", "t4g.small", NatLayout.NAT_INSTANCE_PER_AZ, 1,
                Traffic.ofGb(0));
        if (!CATALOG.sheet("us-east-1").get(PriceItems.ec2Hour("t4g.small")).known()) {
            assertThat(unsourcedType.natInstances().totalUsd()).isNull();
            assertThat(unsourcedType.natInstances().unknownLines()).containsExactly("EC2 instance t4g.small");
            assertThat(unsourcedType.natGateways().totalUsd()).isNotNull();
        }
    }

    @Test
    void regionOutsideTheCatalogHasOnlyEverywhereFigures() {
        CostEstimate estimate = estimate("sa-east-1", "t4g.nano", NatLayout.NAT_INSTANCE_PER_AZ, 1, Traffic.ofGb(0));

        assertThat(estimate.caveats()).extracting(Caveat::kind).contains(Caveat.Kind.REGION_NOT_CATALOGED);
        assertThat(line(estimate.natInstances(), PriceItems.PUBLIC_IPV4_HOUR).known()).isTrue();
        assertThat(estimate.natInstances().totalUsd()).isNull();
        assertThat(estimate.natGateways().totalUsd()).isNull();
    }

    @Test
    void burstableBaselineBelowTrafficIsACaveat() {
        // t4g.nano's baseline is 32 Mbit/s: 32 x 730 x 3600 / 8000 = 10,512 GB a month.
        CostEstimate heavy = estimate("us-east-1", "t4g.nano", NatLayout.NAT_INSTANCE_PER_AZ, 1,
                Traffic.ofGb(11_000));
        assertThat(heavy.caveats()).filteredOn(caveat -> caveat.kind() == Caveat.Kind.BASELINE_BANDWIDTH)
                .singleElement().satisfies(caveat -> assertThat(caveat.message())
                        .contains("32 Mbit/s").contains("33.5 Mbit/s").contains("burst credits"));

        CostEstimate fits = estimate("us-east-1", "t4g.nano", NatLayout.NAT_INSTANCE_PER_AZ, 1, Traffic.ofGb(10_000));
        assertThat(fits.caveats()).extracting(Caveat::kind).doesNotContain(Caveat.Kind.BASELINE_BANDWIDTH);
        assertThat(fits.notes()).anyMatch(note -> note.contains("burst credits"));

        // Per AZ, each instance carries only its AZ's share: 20,000 GB over two AZs fits a t4g.micro (64 Mbit/s).
        CostEstimate perAz = estimate("us-east-1", "t4g.micro", NatLayout.NAT_INSTANCE_PER_AZ, 2,
                Traffic.ofGb(20_000));
        assertThat(perAz.caveats()).extracting(Caveat::kind).doesNotContain(Caveat.Kind.BASELINE_BANDWIDTH);
        CostEstimate shared = estimate("us-east-1", "t4g.micro", NatLayout.SHARED_NAT_INSTANCE, 2,
                Traffic.ofGb(30_000));
        assertThat(shared.caveats()).extracting(Caveat::kind).contains(Caveat.Kind.BASELINE_BANDWIDTH);

        CostEstimate steady = estimate("us-east-1", "c6gn.medium", NatLayout.NAT_INSTANCE_PER_AZ, 1,
                Traffic.ofGb(20_000));
        assertThat(steady.caveats()).extracting(Caveat::kind).doesNotContain(Caveat.Kind.BASELINE_BANDWIDTH);
    }

    @Test
    void averageMbpsFollowsTheMonth() {
        assertThat(CostModel.averageMbps(new BigDecimal("10512"), HOURS)).isEqualByComparingTo("32");
    }

    @Test
    void breakEvenWhereInstancesCostMoreWhenIdle() {
        // A made-up region where an instance costs more per hour than a NAT Gateway: the gateway wins when idle,
        // the instance once the gateway's per-GB charge has caught up.
        Map<String, Price> prices = new HashMap<>();
        prices.put(PriceItems.NAT_GATEWAY_HOUR, price(PriceItems.NAT_GATEWAY_HOUR, "0.045"));
        prices.put(PriceItems.NAT_GATEWAY_GB, price(PriceItems.NAT_GATEWAY_GB, "0.045"));
        prices.put(PriceItems.PUBLIC_IPV4_HOUR, price(PriceItems.PUBLIC_IPV4_HOUR, "0.005"));
        prices.put(PriceItems.GP3_GB_MONTH, price(PriceItems.GP3_GB_MONTH, "0.08"));
        prices.put(PriceItems.INTER_AZ_GB, price(PriceItems.INTER_AZ_GB, "0.01"));
        prices.put(PriceItems.ec2Hour("c6gn.large"), price(PriceItems.ec2Hour("c6gn.large"), "0.0864"));
        PriceSheet sheet = new PriceSheet("test-1", true, HOURS, new BigDecimal("8"), prices);

        CostEstimate estimate = CostModel.estimate(sheet, spec("us-east-1", "c6gn.large",
                NatLayout.NAT_INSTANCE_PER_AZ, 1), Traffic.ofGb(0), YEN_150);
        // Instance: 0.0864 x 730 + 8 x 0.08 = 63.712 fixed; gateway: 0.045 x 730 = 32.85 fixed, +0.045/GB; the
        // addresses cancel out. 63.712 - 32.85 = 30.862 -> 30.862 / 0.045 = 685.8222 GB.
        BigDecimal expected = new BigDecimal("0.0864").multiply(HOURS).add(new BigDecimal("0.64"))
                .subtract(new BigDecimal("32.85")).divide(new BigDecimal("0.045"), 2, java.math.RoundingMode.HALF_UP);
        assertThat(estimate.breakEvenGb()).isEqualByComparingTo(expected);
        assertThat(estimate.breakEven()).contains("below it the NAT Gateways cost less");
        assertThat(estimate.savingsUsd()).isNegative();

        CostEstimate atBreakEven = CostModel.estimate(sheet, spec("us-east-1", "c6gn.large",
                NatLayout.NAT_INSTANCE_PER_AZ, 1), Traffic.ofGb(estimate.breakEvenGb()), YEN_150);
        assertThat(atBreakEven.savingsUsd().abs()).isLessThan(new BigDecimal("0.001"));
    }

    private static Price price(String item, String usd) {
        return new Price(item, new BigDecimal(usd), "USD", "test", LocalDate.of(2026, 1, 1), PriceOrigin.BUNDLED);
    }
}
