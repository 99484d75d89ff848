package dev.natconsole.inventory;

import java.util.List;

/**
 * What to scan: the given targets (all when empty) in the given regions (when empty: the configured
 * {@code natconsole.inventory.regions}, else every region the target's account has enabled).
 */
public record ScanRequest(List<Long> targetIds, List<String> regions) {

    public ScanRequest {
        targetIds = targetIds == null ? List.of() : List.copyOf(targetIds);
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    public static ScanRequest everything() {
        return new ScanRequest(List.of(), List.of());
    }
}
