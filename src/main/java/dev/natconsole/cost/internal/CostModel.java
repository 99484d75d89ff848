package dev.natconsole.cost.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.natconsole.cost.Caveat;
import dev.natconsole.cost.CostEstimate;
import dev.natconsole.cost.CostLine;
import dev.natconsole.cost.CostSide;
import dev.natconsole.cost.Price;
import dev.natconsole.cost.PriceItems;
import dev.natconsole.cost.PriceSheet;
import dev.natconsole.cost.SecondCurrency;
import dev.natconsole.cost.Traffic;
import dev.natconsole.topology.InstanceType;
import dev.natconsole.topology.InstanceTypes;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.TopologySpec;
import dev.natconsole.topology.ZoneSubnets;

/**
 * The cost arithmetic, free of Spring: a valid spec (region and instance type known, at least one zone), a
 * traffic figure and a region's prices in; the estimate out.
 * <ul>
 * <li>NAT instances: the spec's layout, or one instance per AZ when the spec uses NAT Gateways. Each instance
 * pays its hours, its gp3 root volume and one public IPv4 address. A shared instance also pays inter-AZ
 * transfer for the traffic of every AZ but the first, $0.01/GB leaving one AZ and $0.01/GB entering the
 * other, so each such GB is counted twice.</li>
 * <li>NAT Gateways: one per AZ, each with its hours and a public IPv4 address, plus every GB processed.</li>
 * <li>Internet egress is billed the same either way and is left out of both.</li>
 * </ul>
 * Amounts keep four decimals (a hundredth of a cent); readers round to cents. The break-even keeps the
 * traffic's split over the AZs and scales its total; a split of zero GB has no proportions, so it counts as even.
 */
public final class CostModel {

    static final int AMOUNT_SCALE = 4;
    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** Megabits in a (decimal) gigabyte. */
    private static final BigDecimal MEGABITS_PER_GB = BigDecimal.valueOf(8_000);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3_600);

    private CostModel() {
    }

    public static CostEstimate estimate(PriceSheet prices, TopologySpec spec, Traffic traffic, SecondCurrency second) {
        List<ZoneSubnets> zones = spec.availabilityZones();
        int zoneCount = zones.size();
        if (zoneCount == 0) {
            throw new IllegalArgumentException("a topology needs at least one availability zone");
        }
        BigDecimal hours = prices.hoursPerMonth();
        InstanceType type = InstanceTypes.get(spec.nat().instanceType());
        NatLayout instanceLayout = spec.natLayout().usesInstances() ? spec.natLayout() : NatLayout.NAT_INSTANCE_PER_AZ;
        boolean shared = instanceLayout == NatLayout.SHARED_NAT_INSTANCE;
        int instances = shared ? 1 : zoneCount;
        BigDecimal total = traffic.totalGb();
        List<BigDecimal> perZone = perZone(zones, traffic);
        // GB that cross AZs to reach a shared instance, and their share of the total (for the per-GB slope).
        BigDecimal crossGb = BigDecimal.ZERO;
        BigDecimal crossShare = BigDecimal.ZERO;
        if (shared && zoneCount > 1) {
            BigDecimal others = BigDecimal.valueOf(zoneCount - 1);
            BigDecimal all = BigDecimal.valueOf(zoneCount);
            if (traffic.split()) {
                crossGb = perZone.subList(1, zoneCount).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                crossShare = total.signum() > 0 ? crossGb.divide(total, MATH) : others.divide(all, MATH);
            } else {
                crossGb = total.multiply(others).divide(all, MATH);
                crossShare = others.divide(all, MATH);
            }
        }

        BigDecimal instanceCount = BigDecimal.valueOf(instances);
        List<Part> instanceParts = new ArrayList<>();
        instanceParts.add(Part.fixed(prices.get(PriceItems.ec2Hour(type.name())),
                "EC2 instance " + type.name() + (instances > 1 ? " x " + instances : ""),
                instanceCount.multiply(hours), "instance-hours"));
        instanceParts.add(Part.fixed(prices.get(PriceItems.GP3_GB_MONTH),
                "Root volume, gp3 " + prices.rootVolumeGib().stripTrailingZeros().toPlainString() + " GiB each",
                instanceCount.multiply(prices.rootVolumeGib()), "GB-months"));
        instanceParts.add(Part.fixed(prices.get(PriceItems.PUBLIC_IPV4_HOUR), "Public IPv4 address"
                + (instances > 1 ? " x " + instances : ""), instanceCount.multiply(hours), "IP-hours"));
        if (shared && zoneCount > 1) {
            instanceParts.add(Part.perGb(prices.get(PriceItems.INTER_AZ_GB),
                    "Inter-AZ transfer to the shared NAT instance (both directions)", crossGb.multiply(TWO),
                    crossShare.multiply(TWO), "GB crossing AZs, counted in each direction"));
        }

        BigDecimal gatewayCount = BigDecimal.valueOf(zoneCount);
        List<Part> gatewayParts = List.of(
                Part.fixed(prices.get(PriceItems.NAT_GATEWAY_HOUR),
                        "NAT Gateway" + (zoneCount > 1 ? " x " + zoneCount : ""),
                        gatewayCount.multiply(hours), "gateway-hours"),
                Part.perGb(prices.get(PriceItems.NAT_GATEWAY_GB), "NAT Gateway data processing", total,
                        BigDecimal.ONE, "GB processed"),
                Part.fixed(prices.get(PriceItems.PUBLIC_IPV4_HOUR),
                        "Public IPv4 address of the NAT Gateway" + (zoneCount > 1 ? " x " + zoneCount : ""),
                        gatewayCount.multiply(hours), "IP-hours"));

        String instanceTitle = (shared ? "One shared NAT instance " : "NAT instance per AZ ") + "(" + type.name() + ")";
        CostSide instanceSide = side(instanceTitle, instanceLayout, instances, instanceParts, second);
        CostSide gatewaySide = side("NAT Gateway per AZ", NatLayout.NAT_GATEWAY_PER_AZ, zoneCount, gatewayParts,
                second);

        BigDecimal savings = instanceSide.known() && gatewaySide.known()
                ? gatewaySide.totalUsd().subtract(instanceSide.totalUsd())
                : null;
        List<String> unknown = new ArrayList<>();
        instanceSide.unknownLines().forEach(line -> unknown.add("NAT instances: " + line));
        gatewaySide.unknownLines().forEach(line -> unknown.add("NAT Gateways: " + line));

        BreakEven breakEven = breakEven(instanceSide, gatewaySide);
        List<Caveat> caveats = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!prices.cataloged()) {
            caveats.add(new Caveat(Caveat.Kind.REGION_NOT_CATALOGED, "The bundled catalog has no prices for "
                    + prices.region() + "; only figures that apply in every region, or refreshed ones, are known."));
        }
        for (Part part : instanceParts) {
            unknownCaveat(part, "NAT instances", caveats);
        }
        for (Part part : gatewayParts) {
            unknownCaveat(part, "NAT Gateways", caveats);
        }
        bandwidth(type, shared, zones, perZone, total, hours, caveats, notes);
        if (shared && zoneCount > 1) {
            caveats.add(new Caveat(Caveat.Kind.SINGLE_POINT_OF_FAILURE, "One NAT instance serves " + zoneCount
                    + " availability zones: if it or its AZ fails, every private subnet loses its internet access."));
        }

        notes.add("A month is " + hours.stripTrailingZeros().toPlainString() + " hours. Prices are USD, on-demand, "
                + "Linux, shared tenancy, before tax, free tier and savings plans.");
        notes.add("Internet egress is billed the same whichever NAT carries it, so it is left out of both sides.");
        notes.add("Each NAT instance has a gp3 root volume of " + prices.rootVolumeGib().stripTrailingZeros()
                .toPlainString() + " GiB (an assumption of the catalog) and one public IPv4 address; each NAT "
                + "Gateway has one public IPv4 address.");
        if (spec.natLayout() == NatLayout.NAT_GATEWAY_PER_AZ) {
            notes.add("This topology uses NAT Gateways; the NAT-instance side shows what one " + type.name()
                    + " per AZ would cost instead.");
        }
        if (shared && zoneCount > 1) {
            notes.add("Inter-AZ transfer: traffic of every AZ but the first crosses to the shared instance and is "
                    + "charged on leaving one AZ and on entering the other; "
                    + (traffic.split() ? "the per-AZ split given is used." : "traffic is split evenly over the AZs."));
        }
        if (second != null) {
            notes.add(second.code() + " amounts use a fixed rate of " + second.perUsd().stripTrailingZeros()
                    .toPlainString() + " " + second.code() + " per USD, not a live exchange rate.");
        }

        return new CostEstimate(prices.region(), zoneCount, hours, traffic, instanceSide, gatewaySide, savings,
                second == null ? null : second.convert(savings), breakEven.gb(), breakEven.explanation(), second,
                unknown, caveats, notes);
    }

    /** GB per zone, in zone order: the given split, or the total spread evenly. */
    static List<BigDecimal> perZone(List<ZoneSubnets> zones, Traffic traffic) {
        if (traffic.split()) {
            Map<String, BigDecimal> split = traffic.perAzGb();
            return zones.stream().map(zone -> split.getOrDefault(zone.name(), BigDecimal.ZERO)).toList();
        }
        BigDecimal each = traffic.totalGb().divide(BigDecimal.valueOf(zones.size()), MATH);
        return zones.stream().map(zone -> each).toList();
    }

    private static CostSide side(String title, NatLayout layout, int units, List<Part> parts,
            SecondCurrency second) {
        List<CostLine> lines = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal fixed = BigDecimal.ZERO;
        BigDecimal perGb = BigDecimal.ZERO;
        for (Part part : parts) {
            Price price = part.price();
            BigDecimal quantity = part.quantity().stripTrailingZeros();
            if (quantity.scale() < 0) {
                quantity = quantity.setScale(0);
            }
            BigDecimal amount = null;
            if (price.known()) {
                amount = price.usd().multiply(quantity).setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
                total = total.add(amount);
                if (part.perGb()) {
                    perGb = perGb.add(price.usd().multiply(part.perGbQuantity()));
                } else {
                    fixed = fixed.add(amount);
                }
            } else {
                unknown.add(part.label());
            }
            lines.add(new CostLine(price.item(), part.label(), quantity, part.quantityUnit(), price.usd(),
                    price.unit(), amount, second == null ? null : second.convert(amount), price.source(),
                    price.effectiveDate(), price.origin()));
        }
        boolean known = unknown.isEmpty();
        return new CostSide(title, layout, units, lines, known ? total : null,
                known && second != null ? second.convert(total) : null, unknown, known ? fixed : null,
                known ? perGb : null);
    }

    record BreakEven(BigDecimal gb, String explanation) {
    }

    /** Where {@code fixedI + perGbI * G = fixedG + perGbG * G}, for G in [0, infinity). */
    static BreakEven breakEven(CostSide instances, CostSide gateways) {
        if (!instances.known() || !gateways.known()) {
            return new BreakEven(null, "Unknown: a price it depends on is unknown.");
        }
        BigDecimal fixedGap = gateways.fixedUsd().subtract(instances.fixedUsd());
        BigDecimal slopeGap = gateways.perGbUsd().subtract(instances.perGbUsd());
        if (slopeGap.signum() == 0) {
            return new BreakEven(null, switch (fixedGap.signum()) {
                case 1 -> "None: the NAT instances cost less at every traffic level.";
                case -1 -> "None: the NAT Gateways cost less at every traffic level.";
                default -> "None: both cost the same at every traffic level.";
            });
        }
        // gap(G) = fixedGap + slopeGap * G; zero at G = -fixedGap / slopeGap.
        BigDecimal gb = fixedGap.negate().divide(slopeGap, MATH);
        if (gb.signum() < 0) {
            return new BreakEven(null, slopeGap.signum() > 0
                    ? "None: the NAT instances cost less at every traffic level."
                    : "None: the NAT Gateways cost less at every traffic level.");
        }
        gb = gb.setScale(2, RoundingMode.HALF_UP);
        String at = gb.stripTrailingZeros().toPlainString() + " GB/month";
        return new BreakEven(gb, slopeGap.signum() > 0
                ? "At " + at + ": below it the NAT Gateways cost less, above it the NAT instances."
                : "At " + at + ": below it the NAT instances cost less, above it the NAT Gateways.");
    }

    private static void unknownCaveat(Part part, String side, List<Caveat> caveats) {
        if (!part.price().known()) {
            caveats.add(new Caveat(Caveat.Kind.UNKNOWN_PRICE, side + ": the price of \"" + part.label()
                    + "\" is unknown, so the " + side + " total is not given. " + part.price().source()));
        }
    }

    private static void bandwidth(InstanceType type, boolean shared, List<ZoneSubnets> zones, List<BigDecimal> perZone,
            BigDecimal total, BigDecimal hours, List<Caveat> caveats, List<String> notes) {
        // The busiest NAT instance: the shared one carries everything, one per AZ carries its AZ's share.
        BigDecimal busiestGb = shared ? total : perZone.stream().reduce(BigDecimal.ZERO, BigDecimal::max);
        String where = shared || zones.size() == 1 ? "" : " in the busiest AZ";
        BigDecimal mbps = averageMbps(busiestGb, hours);
        String average = mbps.setScale(1, RoundingMode.HALF_UP).toPlainString() + " Mbit/s";
        if (type.burstable()) {
            if (!type.baselineCarries(mbps.doubleValue())) {
                caveats.add(new Caveat(Caveat.Kind.BASELINE_BANDWIDTH, type.name() + "'s baseline bandwidth ("
                        + type.baselineMbps() + " Mbit/s) is below the expected average of " + average + where
                        + ": it can burst above its baseline only while its burst credits last (minutes), then "
                        + "falls back to the baseline. Choose a larger or non-burstable type."));
            } else if (total.signum() > 0) {
                notes.add(type.name() + " is burstable: the expected average of " + average + where
                        + " fits its " + type.baselineMbps() + " Mbit/s baseline, but peaks above the baseline "
                        + "spend burst credits and slow down to the baseline once they are exhausted.");
            }
        }
        if (mbps.compareTo(BigDecimal.valueOf(InstanceTypes.INTERNET_CAP_MBPS)) > 0) {
            caveats.add(new Caveat(Caveat.Kind.INTERNET_BANDWIDTH_CAP, "The expected average of " + average + where
                    + " is above the " + InstanceTypes.INTERNET_CAP_MBPS + " Mbit/s AWS allows an instance with "
                    + "fewer than 32 vCPUs to send to the internet."));
        }
    }

    /** Average Mbit/s over the month for {@code gb} GB: GB x 8000 / (hours x 3600). */
    public static BigDecimal averageMbps(BigDecimal gb, BigDecimal hours) {
        return gb.multiply(MEGABITS_PER_GB).divide(hours.multiply(SECONDS_PER_HOUR), MATH);
    }

    /**
     * A line before pricing. {@code perGbQuantity} is how much {@code quantity} grows per GB of total traffic
     * (1 for the gateway's processing, twice the crossing share for inter-AZ), null for lines that do not.
     */
    private record Part(Price price, String label, BigDecimal quantity, String quantityUnit,
            BigDecimal perGbQuantity) {

        static Part fixed(Price price, String label, BigDecimal quantity, String unit) {
            return new Part(price, label, quantity, unit, null);
        }

        static Part perGb(Price price, String label, BigDecimal quantity, BigDecimal perGbQuantity, String unit) {
            return new Part(price, label, quantity, unit, perGbQuantity);
        }

        boolean perGb() {
            return perGbQuantity != null;
        }
    }
}
