package dev.natconsole.provisioning;

/** The state of one step of a run. */
public enum StepStatus {
    PENDING, RUNNING, DONE, FAILED,
    /** Nothing to do: for a destroy, the resource was never created. */
    SKIPPED;

    public boolean complete() {
        return this == DONE || this == SKIPPED;
    }
}
