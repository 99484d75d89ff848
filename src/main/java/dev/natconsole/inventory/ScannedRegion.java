package dev.natconsole.inventory;

import java.time.Instant;

/** One (target, region) in the inventory cache: when it was last read and what it holds. */
public record ScannedRegion(long targetId, String region, Instant scannedAt, int apiCalls, int vpcs,
        int natInstances, int natGateways, int findings) {
}
