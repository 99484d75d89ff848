package dev.natconsole.provisioning.internal;

/** A step that cannot go on for a reason of the console's own (not an AWS error), with a code like AWS's. */
public class StepFailure extends RuntimeException {

    private final String code;

    public StepFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
