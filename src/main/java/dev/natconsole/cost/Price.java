package dev.natconsole.cost;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One catalog figure: a USD unit price for {@code item} (see {@link PriceItems}), or unknown ({@code usd} null)
 * when no trustworthy source gave it. Unknown is never replaced by a guess or by zero.
 */
public record Price(String item, BigDecimal usd, String unit, String source, LocalDate effectiveDate,
        PriceOrigin origin) {

    public static Price unknown(String item, String unit, String why) {
        return new Price(item, null, unit, why, null, PriceOrigin.BUNDLED);
    }

    public boolean known() {
        return usd != null;
    }
}
