package dev.natconsole.inventory;

import java.time.Instant;
import java.util.List;

/** A NAT Gateway found in an account; {@code id} is {@code <targetId>:<region>:<nat gateway id>}. */
public record NatGateway(String id, long targetId, String region, String natGatewayId, String name, String vpcId,
        String availabilityZone, String subnetId, String state, String connectivityType, List<String> publicIps,
        List<ServedSubnet> servedSubnets, String topologyId, String logicalId, Health health, int findingCount,
        Instant scannedAt) {
}
