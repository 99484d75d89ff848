package dev.natconsole.inventory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.natconsole.inventory.Finding;
import dev.natconsole.inventory.Severity;

/**
 * What a check looks at: one region's network and NAT paths, the traffic the NATs are expected to carry
 * ({@code expectedMbps}, 0 when unknown) and the time to judge image ages against.
 */
public record CheckContext(long targetId, NatPaths paths, double expectedMbps, Instant now) {

    public Network network() {
        return paths.network();
    }

    /** The security groups of an instance that this network holds, in the instance's order. */
    public List<Network.SecurityGroup> groupsOf(Network.Instance instance) {
        List<Network.SecurityGroup> groups = new ArrayList<>();
        instance.securityGroupIds().forEach(id -> {
            Network.SecurityGroup group = network().securityGroups().get(id);
            if (group != null) {
                groups.add(group);
            }
        });
        return groups;
    }

    public Finding finding(HealthCheck check, String title, String explanation, String fix, String vpcId,
            String resourceType, String resourceId, String natPathId) {
        return finding(check.id(), check.severity(), title, explanation, fix, vpcId, resourceType, resourceId,
                natPathId);
    }

    public Finding finding(String checkId, Severity severity, String title, String explanation, String fix,
            String vpcId, String resourceType, String resourceId, String natPathId) {
        return new Finding(checkId, severity, title, explanation, fix, targetId, network().region(), vpcId,
                resourceType, resourceId, natPathId);
    }
}
