package dev.natconsole.provisioning;

/** A step changed state during a run: what the run's server-sent event stream carries. */
public record StepEvent(long runId, StepView step) {
}
