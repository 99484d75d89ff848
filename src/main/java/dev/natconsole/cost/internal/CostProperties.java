package dev.natconsole.cost.internal;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code natconsole.cost.currency} and {@code natconsole.cost.rate}: the currency shown beside USD and its fixed
 * rate in units per USD. JPY at 150 by default, for the seed's users; a request may override both.
 */
@ConfigurationProperties("natconsole.cost")
public record CostProperties(@DefaultValue("JPY") String currency, @DefaultValue("150") BigDecimal rate) {
}
