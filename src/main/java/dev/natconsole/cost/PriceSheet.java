package dev.natconsole.cost;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The prices of one region, bundled figures with any refreshed ones laid over them, plus the two assumptions
 * every estimate uses: hours in a month and the root volume size of a NAT instance.
 *
 * @param cataloged whether the bundled catalog covers the region at all
 */
public record PriceSheet(String region, boolean cataloged, BigDecimal hoursPerMonth, BigDecimal rootVolumeGib,
        Map<String, Price> prices) {

    public PriceSheet {
        prices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(prices));
    }

    /** The price of {@code item}, or an unknown price saying that the catalog has none. */
    public Price get(String item) {
        Price price = prices.get(item);
        return price != null ? price
                : Price.unknown(item, null, "The price catalog has no figure for " + item + " in " + region
                        + (cataloged ? "" : " (the region is not in the bundled catalog)")
                        + "; refresh it from the AWS Price List API.");
    }
}
