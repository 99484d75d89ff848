package dev.natconsole.provisioning.internal;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;

/**
 * Finds everything still tagged {@code natconsole:topology=<id>} (what a crashed run made but never recorded)
 * and deletes it in dependency order: instances, NAT Gateways, Elastic IPs, flow logs, internet gateways,
 * subnets, route tables, security groups, VPCs. One filtered describe per resource type.
 */
final class Sweeper {

    private final Ec2Client ec2;
    private final Filter topology;
    private final List<String> deleted = new ArrayList<>();
    private java.util.Set<String> keep = java.util.Set.of();

    Sweeper(Ec2Client ec2, long topologyId) {
        this.ec2 = ec2;
        this.topology = Filter.builder().name("tag:" + StepContext.TAG_TOPOLOGY).values(Long.toString(topologyId))
                .build();
    }

    /** Deletes the leftovers, except the resources in {@code keep} (deleted by their own steps); returns their ids. */
    List<String> sweep(java.util.Set<String> keep) {
        this.keep = keep;
        instances();
        natGateways();
        addresses();
        flowLogs();
        internetGateways();
        subnets();
        routeTables();
        securityGroups();
        vpcs();
        return deleted;
    }

    private void instances() {
        List<String> ids = ec2.describeInstancesPaginator(r -> r.filters(topology, Filter.builder()
                .name("instance-state-name").values("pending", "running", "stopping", "stopped").build()))
                .reservations().stream().flatMap(reservation -> reservation.instances().stream())
                .map(Instance::instanceId).toList();
        if (!ids.isEmpty()) {
            ec2.terminateInstances(r -> r.instanceIds(ids));
            try (Ec2Waiter waiter = ec2.waiter()) {
                waiter.waitUntilInstanceTerminated(r -> r.instanceIds(ids));
            }
            deleted.addAll(ids);
        }
    }

    private void natGateways() {
        List<String> ids = ec2.describeNatGatewaysPaginator(r -> r.filter(topology, Filter.builder().name("state")
                .values("pending", "available").build())).natGateways().stream().map(NatGateway::natGatewayId).toList();
        for (String id : ids) {
            AwsCalls.ignoring(() -> ec2.deleteNatGateway(r -> r.natGatewayId(id)), "NatGatewayNotFound");
        }
        if (!ids.isEmpty()) {
            try (Ec2Waiter waiter = ec2.waiter()) {
                waiter.waitUntilNatGatewayDeleted(r -> r.natGatewayIds(ids));
            }
            deleted.addAll(ids);
        }
    }

    private void addresses() {
        for (Address address : ec2.describeAddresses(r -> r.filters(topology)).addresses()) {
            if (address.associationId() != null) {
                AwsCalls.ignoring(() -> ec2.disassociateAddress(r -> r.associationId(address.associationId())),
                        "InvalidAssociationID.NotFound");
            }
            AwsCalls.ignoring(() -> ec2.releaseAddress(r -> r.allocationId(address.allocationId())),
                    "InvalidAllocationID.NotFound");
            deleted.add(address.allocationId());
        }
    }

    private void flowLogs() {
        List<String> ids = ec2.describeFlowLogsPaginator(r -> r.filter(topology)).flowLogs().stream()
                .map(flowLog -> flowLog.flowLogId()).toList();
        if (!ids.isEmpty()) {
            ec2.deleteFlowLogs(r -> r.flowLogIds(ids));
            deleted.addAll(ids);
        }
    }

    private void internetGateways() {
        for (InternetGateway gateway : ec2.describeInternetGatewaysPaginator(r -> r.filters(topology))
                .internetGateways()) {
            for (InternetGatewayAttachment attachment : gateway.attachments()) {
                AwsCalls.deleting(() -> ec2.detachInternetGateway(r -> r.internetGatewayId(gateway.internetGatewayId())
                        .vpcId(attachment.vpcId())), "Gateway.NotAttached");
            }
            AwsCalls.deleting(() -> ec2.deleteInternetGateway(r -> r.internetGatewayId(gateway.internetGatewayId())),
                    "InvalidInternetGatewayID.NotFound");
            deleted.add(gateway.internetGatewayId());
        }
    }

    private void subnets() {
        for (Subnet subnet : ec2.describeSubnetsPaginator(r -> r.filters(topology)).subnets()) {
            AwsCalls.deleting(() -> ec2.deleteSubnet(r -> r.subnetId(subnet.subnetId())), "InvalidSubnetID.NotFound");
            deleted.add(subnet.subnetId());
        }
    }

    private void routeTables() {
        for (RouteTable table : ec2.describeRouteTablesPaginator(r -> r.filters(topology)).routeTables()) {
            boolean main = table.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()));
            if (main) {
                // The VPC's own main table: it goes with the VPC; take the console's tags off.
                List<Tag> keys = table.tags().stream().filter(tag -> tag.key().startsWith("natconsole:")
                        || tag.key().equals("Name")).map(tag -> Tag.builder().key(tag.key()).build()).toList();
                ec2.deleteTags(r -> r.resources(table.routeTableId()).tags(keys));
                continue;
            }
            for (RouteTableAssociation association : table.associations()) {
                AwsCalls.ignoring(() -> ec2.disassociateRouteTable(r -> r
                        .associationId(association.routeTableAssociationId())), "InvalidAssociationID.NotFound");
            }
            AwsCalls.deleting(() -> ec2.deleteRouteTable(r -> r.routeTableId(table.routeTableId())),
                    "InvalidRouteTableID.NotFound");
            deleted.add(table.routeTableId());
        }
    }

    private void securityGroups() {
        List<SecurityGroup> groups = new ArrayList<>();
        ec2.describeSecurityGroupsPaginator(r -> r.filters(topology)).securityGroups().forEach(groups::add);
        // Rules naming another of these groups would block its deletion: drop them first.
        for (SecurityGroup group : groups) {
            if (group.ipPermissions().stream().anyMatch(p -> !p.userIdGroupPairs().isEmpty())) {
                List<software.amazon.awssdk.services.ec2.model.IpPermission> referencing = group.ipPermissions()
                        .stream().filter(p -> !p.userIdGroupPairs().isEmpty()).toList();
                AwsCalls.ignoring(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(group.groupId())
                        .ipPermissions(referencing)), "InvalidPermission.NotFound");
            }
        }
        for (SecurityGroup group : groups) {
            AwsCalls.deleting(() -> ec2.deleteSecurityGroup(r -> r.groupId(group.groupId())), "InvalidGroup.NotFound");
            deleted.add(group.groupId());
        }
    }

    private void vpcs() {
        for (Vpc vpc : ec2.describeVpcsPaginator(r -> r.filters(topology)).vpcs()) {
            if (keep.contains(vpc.vpcId())) {
                continue;
            }
            AwsCalls.deleting(() -> ec2.deleteVpc(r -> r.vpcId(vpc.vpcId())), "InvalidVpcID.NotFound");
            deleted.add(vpc.vpcId());
        }
    }
}
