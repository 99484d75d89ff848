package dev.natconsole.cost.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.natconsole.cost.Price;
import dev.natconsole.cost.PriceOrigin;

/** Prices fetched from the AWS Price List API, one row per region and item (table {@code cost_price}). */
@Repository
public class RefreshedPrices {

    private final JdbcClient jdbc;

    RefreshedPrices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Price> forRegion(String region) {
        return jdbc.sql("select item, price_usd, unit, source, effective_date, refreshed_at from cost_price "
                + "where region = ? order by item")
                .param(region)
                .query((rs, row) -> {
                    Date date = rs.getDate("effective_date");
                    Instant refreshedAt = rs.getTimestamp("refreshed_at").toInstant();
                    return new Price(rs.getString("item"), rs.getBigDecimal("price_usd").stripTrailingZeros(),
                            rs.getString("unit"), rs.getString("source") + "; refreshed " + refreshedAt,
                            date == null ? null : date.toLocalDate(), PriceOrigin.REFRESHED);
                })
                .list();
    }

    /** Replaces the stored figures of {@code region} for the items in {@code prices}; others stay. */
    @Transactional
    public void store(String region, List<Price> prices, Instant refreshedAt) {
        for (Price price : prices) {
            jdbc.sql("delete from cost_price where region = ? and item = ?").params(region, price.item()).update();
            jdbc.sql("insert into cost_price (region, item, price_usd, unit, source, effective_date, refreshed_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(region, price.item(), price.usd(), price.unit(), price.source(),
                            price.effectiveDate() == null ? null : Date.valueOf(price.effectiveDate()),
                            Timestamp.from(refreshedAt))
                    .update();
        }
    }
}
