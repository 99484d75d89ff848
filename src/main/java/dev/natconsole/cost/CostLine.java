package dev.natconsole.cost;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a monthly estimate: {@code quantity} {@code quantityUnit} at {@code unitPriceUsd}. The amount is
 * null, and {@code known} false, when the unit price is unknown.
 *
 * @param item the catalog item priced (see {@link PriceItems})
 * @param amountSecond the amount in the estimate's second currency, null when unknown
 */
public record CostLine(String item, String label, BigDecimal quantity, String quantityUnit, BigDecimal unitPriceUsd,
        String priceUnit, BigDecimal amountUsd, BigDecimal amountSecond, String source, LocalDate effectiveDate,
        PriceOrigin origin) {

    public boolean known() {
        return amountUsd != null;
    }
}
