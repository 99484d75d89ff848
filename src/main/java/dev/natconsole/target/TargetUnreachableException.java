package dev.natconsole.target;

/** The target did not answer (network, credentials or permissions); the message says which, in plain words. */
public class TargetUnreachableException extends dev.natconsole.shared.UpstreamUnavailableException {

    public TargetUnreachableException(String message, Throwable cause) {
        super("Target unreachable", message, cause);
    }
}
