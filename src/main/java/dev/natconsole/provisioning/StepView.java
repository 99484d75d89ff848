package dev.natconsole.provisioning;

import java.time.Instant;

/**
 * One step of a run. {@code awsId} is the id of the resource the step created, adopted or deleted (when it has
 * one); {@code errorCode} and {@code errorMessage} are AWS's own when AWS refused the call.
 */
public record StepView(int position, String logicalId, String kind, String description, String zone,
        StepStatus status, String awsId, Instant startedAt, Instant finishedAt, String errorCode,
        String errorMessage) {
}
