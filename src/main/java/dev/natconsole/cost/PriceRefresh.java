package dev.natconsole.cost;

import java.time.Instant;
import java.util.List;

/** The result of refreshing a region's prices: what was stored, and what the API could not price and why. */
public record PriceRefresh(String region, long targetId, Instant refreshedAt, List<Price> stored,
        List<String> missing) {
}
