package dev.natconsole.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Progress of one scan: one entry per (target, region), each scanned on its own thread. {@code apiCalls} counts
 * the AWS requests made (one per result page), which is how the scan's cost grows.
 */
public record ScanStatus(String id, State state, String trigger, Instant startedAt, Instant finishedAt, int total,
        int done, int failed, int apiCalls, List<RegionScan> regions) {

    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /** A scan of one region of one target; counts are null until it is done. */
    public record RegionScan(long targetId, String region, State state, int apiCalls, Integer natInstances,
            Integer natGateways, Integer findings, Long durationMillis, String error) {
    }
}
