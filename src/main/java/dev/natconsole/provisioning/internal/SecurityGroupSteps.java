package dev.natconsole.provisioning.internal;

import java.util.List;

import dev.natconsole.topology.ActionKind;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** The NAT (and test server) security groups and their rules (STEPS.md 6 and 12). */
final class SecurityGroupSteps {

    private SecurityGroupSteps() {
    }

    static List<StepHandler> all() {
        return List.of(new CreateSecurityGroup(), new RevokeDefaultEgress(), new Authorize(ActionKind.AUTHORIZE_INGRESS),
                new Authorize(ActionKind.AUTHORIZE_EGRESS));
    }

    static final class CreateSecurityGroup implements StepHandler {
        public ActionKind kind() {
            return ActionKind.CREATE_SECURITY_GROUP;
        }

        public StepOutcome apply(StepContext c) {
            for (String id : c.adoptable("sg-")) {
                return StepOutcome.adopted(id, null);
            }
            String vpc = c.resolve("vpc");
            return StepOutcome.created(c.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName(c.param("groupName"))
                    .description(c.param("description"))
                    .tagSpecifications(c.tagSpec(ResourceType.SECURITY_GROUP))).groupId());
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            String group = c.own().awsId();
            AwsCalls.deleting(() -> c.ec2().deleteSecurityGroup(r -> r.groupId(group)), "InvalidGroup.NotFound");
            return StepOutcome.created(group);
        }

        public String undoDescription(RunStep step) {
            return "Delete the security group " + step.param("groupName");
        }
    }

    static final class RevokeDefaultEgress implements StepHandler {
        public ActionKind kind() {
            return ActionKind.REVOKE_DEFAULT_EGRESS;
        }

        public StepOutcome apply(StepContext c) {
            String group = c.resolve("securityGroup");
            AwsCalls.ignoring(() -> c.ec2().revokeSecurityGroupEgress(r -> r.groupId(group).ipPermissions(
                    IpPermission.builder().ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                            .build())),
                    "InvalidPermission.NotFound");
            return StepOutcome.none();
        }
    }

    /** One ingress or egress rule; AWS's InvalidPermission.Duplicate on a retry means it is there already. */
    static final class Authorize implements StepHandler {
        private final ActionKind kind;

        Authorize(ActionKind kind) {
            this.kind = kind;
        }

        public ActionKind kind() {
            return kind;
        }

        static IpPermission permission(StepContext c, boolean resolveSource) {
            IpPermission.Builder permission = IpPermission.builder().ipProtocol(c.param("protocol"))
                    .fromPort(Integer.valueOf(c.param("fromPort"))).toPort(Integer.valueOf(c.param("toPort")));
            if (c.param("cidr") != null) {
                permission.ipRanges(IpRange.builder().cidrIp(c.param("cidr")).description(c.param("description"))
                        .build());
            } else {
                String source = resolveSource ? c.resolve("sourceSecurityGroup")
                        : c.resolveIfPresent("sourceSecurityGroup");
                permission.userIdGroupPairs(UserIdGroupPair.builder().groupId(source)
                        .description(c.param("description")).build());
            }
            return permission.build();
        }

        public StepOutcome apply(StepContext c) {
            String group = c.resolve("securityGroup");
            IpPermission permission = permission(c, true);
            // Rules are resources too (sgr-...): tagged like the rest.
            if (kind == ActionKind.AUTHORIZE_INGRESS) {
                AwsCalls.ignoring(() -> c.ec2().authorizeSecurityGroupIngress(r -> r.groupId(group)
                        .ipPermissions(permission).tagSpecifications(c.tagSpec(ResourceType.SECURITY_GROUP_RULE))),
                        "InvalidPermission.Duplicate");
            } else {
                AwsCalls.ignoring(() -> c.ec2().authorizeSecurityGroupEgress(r -> r.groupId(group)
                        .ipPermissions(permission).tagSpecifications(c.tagSpec(ResourceType.SECURITY_GROUP_RULE))),
                        "InvalidPermission.Duplicate");
            }
            // A rule that names another group is recorded, so that a destroy removes it before that group.
            return c.param("sourceSecurityGroup") != null ? StepOutcome.created(group) : StepOutcome.none();
        }

        public boolean undoable(RunStep step) {
            return step.param("sourceSecurityGroup") != null;
        }

        public StepOutcome undo(StepContext c) {
            // Rules with CIDRs go with their group; only a rule naming another group has to go first.
            if (c.param("sourceSecurityGroup") == null || c.own() == null
                    || c.resolveIfPresent("sourceSecurityGroup") == null) {
                return StepOutcome.nothingToDo();
            }
            String group = c.own().awsId();
            IpPermission permission = permission(c, false);
            AwsCalls.ignoring(() -> c.ec2().revokeSecurityGroupIngress(r -> r.groupId(group)
                    .ipPermissions(permission)), "InvalidPermission.NotFound", "InvalidGroup.NotFound");
            return StepOutcome.created(group);
        }

        public String undoDescription(RunStep step) {
            return "Revoke: " + step.description();
        }
    }
}
