package dev.natconsole.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A topology's plan against what its target holds, found by the console's tags. {@code repairActionIds} is what a
 * repair re-applies: every drifted action and, for re-created resources, the actions that depend on them, in plan
 * order. {@code notChecked} lists plan actions whose result the scan cannot see (internet gateways, DNS hostnames,
 * flow logs).
 */
public record DriftReport(long topologyId, long targetId, String region, Instant scannedAt, Status status,
        List<DriftItem> items, List<String> repairActionIds, List<String> notChecked) {

    public enum Status {
        /** No resource in the region carries the topology's tag. */
        NOT_APPLIED,
        CLEAN,
        DRIFTED
    }
}
