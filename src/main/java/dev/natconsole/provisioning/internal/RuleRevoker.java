package dev.natconsole.provisioning.internal;

import dev.natconsole.provisioning.ExtraRule;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;

/** Revokes one security group rule; a rule that is already gone counts as revoked. */
public final class RuleRevoker {

    private RuleRevoker() {
    }

    public static void revoke(Ec2Client ec2, ExtraRule rule) {
        IpPermission.Builder permission = IpPermission.builder().ipProtocol(rule.protocol());
        if (!"-1".equals(rule.protocol())) {
            permission.fromPort(rule.fromPort()).toPort(rule.toPort());
        }
        if (rule.peer().startsWith("sg-")) {
            permission.userIdGroupPairs(pair -> pair.groupId(rule.peer()));
        } else {
            permission.ipRanges(range -> range.cidrIp(rule.peer()));
        }
        IpPermission built = permission.build();
        if ("egress".equals(rule.direction())) {
            AwsCalls.ignoring(() -> ec2.revokeSecurityGroupEgress(r -> r.groupId(rule.securityGroupId())
                    .ipPermissions(built)), "InvalidPermission.NotFound");
        } else {
            AwsCalls.ignoring(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(rule.securityGroupId())
                    .ipPermissions(built)), "InvalidPermission.NotFound");
        }
    }
}
