package dev.natconsole.provisioning.internal;

/**
 * Hooks around each step, on the thread that runs it. {@code afterStep} is called once AWS has done the step's
 * work and before the console records it: an exception thrown there is treated as the console dying at that
 * instant (nothing more of the run is recorded and it stays RUNNING, as after a kill), which is how tests
 * interrupt a run at a chosen step.
 */
public interface StepListener {

    default void beforeStep(long runId, RunStep step) {
    }

    default void afterStep(long runId, RunStep step, StepOutcome outcome) {
    }
}
