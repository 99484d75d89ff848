package dev.natconsole.provisioning;

import java.time.Instant;
import java.util.List;

/**
 * A provisioning run with its steps in plan order, and where it runs ({@code targetId}, {@code region}).
 * {@code error} summarises why a failed run stopped.
 */
public record RunView(long id, long topologyId, RunKind kind, long targetId, String region, RunStatus status,
        Instant createdAt, Instant finishedAt, String error, List<StepView> steps) {

    public long count(StepStatus status) {
        return steps.stream().filter(step -> step.status() == status).count();
    }
}
