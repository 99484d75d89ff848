package dev.natconsole.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A NAT instance found in an account: an instance a default route points at, or one whose source/destination
 * check is off. {@code id} is stable and URL-safe: {@code <targetId>:<region>:<instance id>}. {@code topologyId}
 * and {@code logicalId} come from the console's tags and are null on instances it did not create.
 */
public record NatInstance(String id, long targetId, String region, String instanceId, String name, String vpcId,
        String availabilityZone, String subnetId, String instanceType, String state, ImageSummary image,
        String publicIp, boolean elasticIp, boolean sourceDestCheck, List<ServedSubnet> servedSubnets,
        List<SecurityGroupSummary> securityGroups, String topologyId, String logicalId, Health health,
        int findingCount, Instant scannedAt) {

    /** The image an instance runs; {@code name} is null when the image is no longer visible to the account. */
    public record ImageSummary(String id, String name, String ownerId, Instant createdAt, Long ageDays,
            boolean deprecated, boolean endOfLife) {
    }

    public record SecurityGroupSummary(String id, String name, List<SecurityRule> ingress,
            List<SecurityRule> egress) {
    }

    /** {@code protocol} is tcp, udp, icmp or -1 (all); {@code peer} a CIDR block, a group id or a prefix list. */
    public record SecurityRule(String protocol, int fromPort, int toPort, String peer) {
    }
}
