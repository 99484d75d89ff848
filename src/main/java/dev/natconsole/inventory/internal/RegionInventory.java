package dev.natconsole.inventory.internal;

import java.time.Instant;

/** The last scan of one region of one target, with its views for the configured expected traffic. */
public record RegionInventory(long targetId, String region, Network network, int apiCalls, Instant scannedAt,
        double defaultExpectedMbps, Views.Derived defaults) {

    /** The views for another expected traffic, recomputed from the stored network (no AWS call). */
    public Views.Derived derived(Double expectedMbps, Instant now) {
        return expectedMbps == null || expectedMbps == defaultExpectedMbps ? defaults
                : Views.derive(targetId, network, expectedMbps, now);
    }
}
