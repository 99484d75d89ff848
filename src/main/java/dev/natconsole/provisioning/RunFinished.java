package dev.natconsole.provisioning;

/** Published when a provisioning run ends, whether it succeeded, failed or was interrupted. */
public record RunFinished(long topologyId, long runId, RunKind kind, RunStatus status) {
}
