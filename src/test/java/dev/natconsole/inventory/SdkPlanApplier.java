package dev.natconsole.inventory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.natconsole.topology.Plan;
import dev.natconsole.topology.PlanAction;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Stands in for the provisioning module, which is not on this branch: carries out a plan's actions one by one
 * with the raw SDK against moto and tags what it creates exactly as that module does ({@code natconsole:topology},
 * {@code natconsole:logical-id}, {@code natconsole:managed}, {@code Name}). Test code only.
 */
final class SdkPlanApplier {

    private final Ec2Client ec2;
    private final long topologyId;
    private final String imageId;
    final Map<String, String> ids = new LinkedHashMap<>();

    SdkPlanApplier(Ec2Client ec2, long topologyId, String imageId) {
        this.ec2 = ec2;
        this.topologyId = topologyId;
        this.imageId = imageId;
    }

    void apply(Plan plan) {
        plan.actions().forEach(this::apply);
    }

    /** Re-applies only the given actions, in plan order: what a repair does. */
    void reapply(Plan plan, Collection<String> actionIds) {
        plan.actions().stream().filter(a -> actionIds.contains(a.id())).forEach(this::apply);
    }

    String of(String logicalId) {
        return ids.get(logicalId);
    }

    private List<Tag> tags(String logicalId) {
        return List.of(Tag.builder().key("natconsole:topology").value(Long.toString(topologyId)).build(),
                Tag.builder().key("natconsole:logical-id").value(logicalId).build(),
                Tag.builder().key("natconsole:managed").value("true").build(),
                Tag.builder().key("Name").value(logicalId).build());
    }

    private void tag(String resource, String logicalId) {
        ec2.createTags(r -> r.resources(resource).tags(tags(logicalId)));
        ids.put(logicalId, resource);
    }

    private IpPermission permission(PlanAction a) {
        IpPermission.Builder permission = IpPermission.builder().ipProtocol(a.param("protocol"))
                .fromPort(Integer.parseInt(a.param("fromPort"))).toPort(Integer.parseInt(a.param("toPort")));
        if (a.param("cidr") != null) {
            permission.ipRanges(IpRange.builder().cidrIp(a.param("cidr")).description(a.param("description")).build());
        } else {
            permission.userIdGroupPairs(UserIdGroupPair.builder().groupId(of(a.param("sourceSecurityGroup"))).build());
        }
        return permission.build();
    }

    private void apply(PlanAction a) {
        switch (a.kind()) {
            case CREATE_VPC -> tag(ec2.createVpc(r -> r.cidrBlock(a.param("cidr"))).vpc().vpcId(), a.id());
            case ENABLE_VPC_DNS_HOSTNAMES -> ec2.modifyVpcAttribute(r -> r.vpcId(of(a.param("vpc")))
                    .enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
            case CREATE_SUBNET -> tag(ec2.createSubnet(r -> r.vpcId(of(a.param("vpc"))).cidrBlock(a.param("cidr"))
                    .availabilityZone(a.param("availabilityZone"))).subnet().subnetId(), a.id());
            case CREATE_INTERNET_GATEWAY -> tag(ec2.createInternetGateway().internetGateway().internetGatewayId(),
                    a.id());
            case ATTACH_INTERNET_GATEWAY -> ec2.attachInternetGateway(r -> r
                    .internetGatewayId(of(a.param("internetGateway"))).vpcId(of(a.param("vpc"))));
            case CREATE_ROUTE_TABLE -> tag(ec2.createRouteTable(r -> r.vpcId(of(a.param("vpc")))).routeTable()
                    .routeTableId(), a.id());
            case ADOPT_MAIN_ROUTE_TABLE -> tag(ec2.describeRouteTables(r -> r.filters(
                    Filter.builder().name("vpc-id").values(of(a.param("vpc"))).build(),
                    Filter.builder().name("association.main").values("true").build()))
                    .routeTables().get(0).routeTableId(), a.id());
            case ASSOCIATE_ROUTE_TABLE -> ec2.associateRouteTable(r -> r.routeTableId(of(a.param("routeTable")))
                    .subnetId(of(a.param("subnet"))));
            case CREATE_ROUTE -> route(a);
            case CREATE_SECURITY_GROUP -> tag(ec2.createSecurityGroup(r -> r.vpcId(of(a.param("vpc")))
                    .groupName(a.param("groupName")).description(a.param("description"))).groupId(), a.id());
            case REVOKE_DEFAULT_EGRESS -> ec2.revokeSecurityGroupEgress(r -> r.groupId(of(a.param("securityGroup")))
                    .ipPermissions(IpPermission.builder().ipProtocol("-1")
                            .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
            case AUTHORIZE_INGRESS -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(of(a.param("securityGroup")))
                    .ipPermissions(permission(a)));
            case AUTHORIZE_EGRESS -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(of(a.param("securityGroup")))
                    .ipPermissions(permission(a)));
            case RUN_INSTANCE -> tag(ec2.runInstances(r -> r.subnetId(of(a.param("subnet"))).imageId(imageId)
                    .instanceType(a.param("instanceType")).securityGroupIds(of(a.param("securityGroup")))
                    .minCount(1).maxCount(1)
                    .tagSpecifications(spec -> spec.resourceType(ResourceType.INSTANCE).tags(tags(a.id()))))
                    .instances().get(0).instanceId(), a.id());
            case ALLOCATE_ELASTIC_IP -> tag(ec2.allocateAddress(r -> r.domain(DomainType.VPC)).allocationId(), a.id());
            case ASSOCIATE_ELASTIC_IP -> ec2.associateAddress(r -> r.allocationId(of(a.param("allocation")))
                    .instanceId(of(a.param("instance"))).allowReassociation(true));
            case DISABLE_SOURCE_DEST_CHECK -> ec2.modifyInstanceAttribute(r -> r.instanceId(of(a.param("instance")))
                    .sourceDestCheck(AttributeBooleanValue.builder().value(false).build()));
            case CREATE_NAT_GATEWAY -> tag(ec2.createNatGateway(r -> r.subnetId(of(a.param("subnet")))
                    .allocationId(of(a.param("allocation")))).natGateway().natGatewayId(), a.id());
            case CREATE_FLOW_LOGS -> throw new UnsupportedOperationException("flow logs are not used in these tests");
        }
    }

    /** Creates the route, or replaces it when the table already has one for that destination (a repair). */
    private void route(PlanAction a) {
        String table = of(a.param("routeTable"));
        boolean exists = ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables().get(0).routes().stream()
                .anyMatch(route -> a.param("destination").equals(route.destinationCidrBlock()));
        if (exists) {
            ec2.replaceRoute(r -> {
                r.routeTableId(table).destinationCidrBlock(a.param("destination"));
                if (a.param("instance") != null) {
                    r.instanceId(of(a.param("instance")));
                } else if (a.param("natGateway") != null) {
                    r.natGatewayId(of(a.param("natGateway")));
                } else {
                    r.gatewayId(of(a.param("internetGateway")));
                }
            });
        } else {
            ec2.createRoute(r -> {
                r.routeTableId(table).destinationCidrBlock(a.param("destination"));
                if (a.param("instance") != null) {
                    r.instanceId(of(a.param("instance")));
                } else if (a.param("natGateway") != null) {
                    r.natGatewayId(of(a.param("natGateway")));
                } else {
                    r.gatewayId(of(a.param("internetGateway")));
                }
            });
        }
    }
}
