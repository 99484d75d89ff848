package dev.natconsole.provisioning;

import java.time.Instant;

/** A run without its steps, for lists. {@code targetId} and {@code region} say where it runs. */
public record RunSummary(long id, long topologyId, RunKind kind, long targetId, String region, RunStatus status,
        Instant createdAt, Instant finishedAt, String error) {
}
