package dev.natconsole.provisioning.internal;

import dev.natconsole.topology.ActionKind;

/**
 * Carries out one {@link ActionKind} through the SDK. {@link #apply} is safe to repeat: it adopts what an earlier
 * attempt made (found by tag, or recognised by AWS's "already exists" error codes) instead of making it twice.
 * {@link #undo} reverses it for a destroy and is equally safe to repeat.
 */
public interface StepHandler {

    ActionKind kind();

    StepOutcome apply(StepContext context);

    /** False for steps whose effect disappears with another resource (a rule with its group, say). */
    default boolean undoable(RunStep step) {
        return false;
    }

    /** Reverses the step; called only when {@link #undoable} is true. */
    default StepOutcome undo(StepContext context) {
        return StepOutcome.nothingToDo();
    }

    /** How the destroy step that undoes this one is described. */
    default String undoDescription(RunStep step) {
        return "Undo: " + step.description();
    }
}
