package dev.natconsole.target;

import java.time.Instant;

/**
 * A place topologies are applied to. Holds no secret: {@code profileName} names an AWS profile whose keys stay
 * in the user's AWS configuration files.
 */
public record Target(long id, String name, TargetKind kind, String endpointUrl, String profileName,
        String defaultRegion, Instant createdAt) {
}
