package dev.natconsole.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import dev.natconsole.cost.internal.BundledCatalog;
import dev.natconsole.topology.ImageChoice;
import dev.natconsole.topology.NatInstanceSpec;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.TopologyDefaults;
import dev.natconsole.topology.TopologySpec;
import dev.natconsole.topology.ZoneSubnets;

/** Specs and catalog look-ups shared by the cost tests. */
final class CostFixtures {

    static final BundledCatalog CATALOG = BundledCatalog.fromClasspath();
    static final SecondCurrency YEN_150 = new SecondCurrency("JPY", new BigDecimal("150"));

    private CostFixtures() {
    }

    /** A complete spec with {@code zones} AZs named region + a, b, c... */
    static TopologySpec spec(String region, String instanceType, NatLayout layout, int zones) {
        List<ZoneSubnets> names = IntStream.range(0, zones)
                .mapToObj(i -> new ZoneSubnets(zoneName(region, i), null, null)).toList();
        return TopologyDefaults.complete(new TopologySpec("cost-test", null, region, "10.0.0.0/16", names, layout,
                null, new NatInstanceSpec(instanceType, ImageChoice.AMAZON_LINUX_2023, null, null, false, null),
                null));
    }

    static String zoneName(String region, int index) {
        return region + (char) ('a' + index);
    }

    /** The bundled USD figure of an item, failing when the catalog has it as unknown. */
    static BigDecimal usd(String region, String item) {
        Price price = CATALOG.sheet(region).get(item);
        if (!price.known()) {
            throw new AssertionError(item + " is unknown in " + region);
        }
        return price.usd();
    }

    static CostLine line(CostSide side, String item) {
        return side.lines().stream().filter(line -> line.item().equals(item)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + item + " in " + side.lines()));
    }
}
