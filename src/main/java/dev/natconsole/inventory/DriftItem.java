package dev.natconsole.inventory;

import java.util.List;

/**
 * One difference between a topology's plan and the account. {@code logicalId} is the plan action (and tag) it is
 * about; {@code repairActionIds} the plan actions that re-applying would run, in plan order (empty when the fix is
 * to remove something the plan does not have, as for an added rule: {@code rule} then says what to revoke).
 */
public record DriftItem(DriftKind kind, String logicalId, String resourceType, String resourceId, String expected,
        String actual, String explanation, List<String> repairActionIds, Rule rule) {

    public DriftItem {
        repairActionIds = List.copyOf(repairActionIds);
    }

    /** A security group rule as the plan writes it: {@code direction} ingress or egress, {@code peer} a CIDR or group id. */
    public record Rule(String direction, String protocol, int fromPort, int toPort, String peer) {
    }
}
