package dev.natconsole.provisioning.internal;

import java.time.Duration;
import java.util.Set;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Small helpers for SDK calls whose "already done" errors mean success. */
final class AwsCalls {

    private static final int DEPENDENCY_ATTEMPTS = 12;

    private AwsCalls() {
    }

    static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /** Runs {@code call}; true if it ran, false if AWS answered one of {@code codes} (the work was done already). */
    static boolean ignoring(Runnable call, String... codes) {
        try {
            call.run();
            return true;
        } catch (AwsServiceException e) {
            if (Set.of(codes).contains(errorCode(e))) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Retries {@code call} while AWS answers DependencyViolation: after an instance or NAT Gateway is gone its
     * network interface lingers for a while, and subnets, groups and gateways cannot be deleted until it goes.
     * Bounded (about two minutes), with growing pauses.
     */
    static boolean deleting(Runnable call, String... notFoundCodes) {
        Duration pause = Duration.ofMillis(500);
        for (int attempt = 1;; attempt++) {
            try {
                return ignoring(call, notFoundCodes);
            } catch (AwsServiceException e) {
                if (!"DependencyViolation".equals(errorCode(e)) || attempt >= DEPENDENCY_ATTEMPTS) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailure("Interrupted", "interrupted while waiting for dependencies to go");
            }
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15)
                    : pause.multipliedBy(2);
        }
    }
}
