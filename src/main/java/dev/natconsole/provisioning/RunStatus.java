package dev.natconsole.provisioning;

/** The state of a provisioning run. */
public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    /** A step failed; the run can be resumed (after fixing the design) or the topology destroyed. */
    FAILED,
    /** The console stopped while the run was going; it can be resumed. */
    INTERRUPTED;

    public boolean finished() {
        return this != RUNNING;
    }

    public boolean resumable() {
        return this == FAILED || this == INTERRUPTED;
    }
}
