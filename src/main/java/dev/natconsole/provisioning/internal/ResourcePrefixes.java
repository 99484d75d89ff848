package dev.natconsole.provisioning.internal;

import dev.natconsole.topology.ActionKind;

/** How the id of the resource each kind of step creates begins, to tell a tagged VPC from a tagged subnet. */
final class ResourcePrefixes {

    private ResourcePrefixes() {
    }

    /** The id prefix of the resource the step creates, or null for steps that create no tagged resource. */
    static String of(ActionKind kind) {
        return switch (kind) {
            case CREATE_VPC -> "vpc-";
            case CREATE_SUBNET -> "subnet-";
            case CREATE_INTERNET_GATEWAY -> "igw-";
            case CREATE_ROUTE_TABLE -> "rtb-";
            case CREATE_SECURITY_GROUP -> "sg-";
            case RUN_INSTANCE -> "i-";
            case ALLOCATE_ELASTIC_IP -> "eipalloc-";
            case CREATE_NAT_GATEWAY -> "nat-";
            case CREATE_FLOW_LOGS -> "fl-";
            default -> null;
        };
    }
}
