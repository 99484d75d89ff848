package dev.natconsole.topology;

/**
 * Lets other modules refuse the deletion of a topology plan, for example while AWS resources made from it still
 * exist, without the topology module knowing about them. Throw a {@code ConflictException} to refuse.
 */
public interface TopologyDeletionGuard {

    void checkDeletable(long topologyId);
}
