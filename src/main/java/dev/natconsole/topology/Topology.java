package dev.natconsole.topology;

import java.time.Instant;

/** A stored topology plan: its id, its design and when it was last changed. */
public record Topology(long id, TopologySpec spec, long version, Instant createdAt, Instant updatedAt) {

    public String name() {
        return spec.name();
    }
}
