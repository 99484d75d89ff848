package dev.natconsole.provisioning;

import java.time.Instant;

/** A run without its steps, for lists. */
public record RunSummary(long id, long topologyId, RunKind kind, RunStatus status, Instant createdAt,
        Instant finishedAt, String error) {
}
