package dev.natconsole.provisioning;

/**
 * A security group rule found in AWS that the plan does not have; a repair revokes it. {@code direction} is
 * ingress or egress, {@code protocol} tcp, udp, icmp or -1, {@code peer} a CIDR block or a security group id.
 */
public record ExtraRule(String securityGroupId, String direction, String protocol, int fromPort, int toPort,
        String peer) {
}
