package dev.natconsole.provisioning.internal;

/**
 * What a step did: the AWS id it created, adopted or acted on ({@code null} when there is none), one extra fact
 * worth keeping ({@code detail}: an EIP's public IP, an instance's private IP), whether the resource was adopted
 * rather than created, and whether it was skipped (a destroy of something never created).
 */
public record StepOutcome(String awsId, String detail, boolean adopted, boolean skipped) {

    public static StepOutcome created(String awsId) {
        return new StepOutcome(awsId, null, false, false);
    }

    public static StepOutcome created(String awsId, String detail) {
        return new StepOutcome(awsId, detail, false, false);
    }

    public static StepOutcome adopted(String awsId, String detail) {
        return new StepOutcome(awsId, detail, true, false);
    }

    public static StepOutcome none() {
        return new StepOutcome(null, null, false, false);
    }

    public static StepOutcome nothingToDo() {
        return new StepOutcome(null, null, false, true);
    }
}
