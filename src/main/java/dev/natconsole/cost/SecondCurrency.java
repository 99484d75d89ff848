package dev.natconsole.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The currency shown beside USD and the fixed rate used for it (units per USD). The rate is whatever the
 * console is configured with or the request gives, not a live exchange rate.
 */
public record SecondCurrency(String code, BigDecimal perUsd) {

    /** {@code usd} in this currency, rounded to the currency's minor unit (whole yen for JPY); null stays null. */
    public BigDecimal convert(BigDecimal usd) {
        if (usd == null) {
            return null;
        }
        int digits = Currency.getInstance(code).getDefaultFractionDigits();
        return usd.multiply(perUsd).setScale(Math.max(digits, 0), RoundingMode.HALF_UP);
    }
}
