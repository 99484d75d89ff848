package dev.natconsole.inventory;

/** How a managed resource differs from its plan. */
public enum DriftKind {
    /** The planned resource is gone (deleted, terminated, or never created). */
    MISSING,
    /** The NAT instance is stopped: it exists, but its routes are blackholes. */
    INSTANCE_STOPPED,
    /** The planned instance is gone and its route now sends traffic to another instance. */
    INSTANCE_REPLACED,
    /** The planned route is gone from its route table. */
    ROUTE_MISSING,
    /** The route exists but sends traffic somewhere other than planned. */
    ROUTE_TARGET_CHANGED,
    /** The subnet is no longer associated with its planned route table. */
    ASSOCIATION_CHANGED,
    /** The Elastic IP is associated with something other than its planned instance, or with nothing. */
    ELASTIC_IP_MOVED,
    /** The NAT instance's source/destination check was turned back on. */
    SOURCE_DEST_CHECK_ENABLED,
    /** A security group rule the plan does not have. */
    RULE_ADDED,
    /** A planned security group rule is gone. */
    RULE_REMOVED
}
