package dev.natconsole.inventory;

/**
 * One health check result about one resource. {@code resourceType} is {@code instance}, {@code nat-gateway},
 * {@code route-table}, {@code subnet} or {@code security-group}; {@code natPathId} is the AWS id of the NAT
 * instance or NAT Gateway the finding concerns (null for a subnet that no NAT serves).
 */
public record Finding(String checkId, Severity severity, String title, String explanation, String fix,
        long targetId, String region, String vpcId, String resourceType, String resourceId, String natPathId) {
}
