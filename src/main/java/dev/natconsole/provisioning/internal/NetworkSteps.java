package dev.natconsole.provisioning.internal;

import java.util.List;

import dev.natconsole.topology.ActionKind;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Tag;

/** VPC, subnets, internet gateway, route tables and routes (STEPS.md 1–5 and 10). */
final class NetworkSteps {

    private NetworkSteps() {
    }

    static List<StepHandler> all() {
        return List.of(new CreateVpc(), new EnableDnsHostnames(), new CreateSubnet(), new CreateInternetGateway(),
                new AttachInternetGateway(), new CreateRouteTable(), new AdoptMainRouteTable(),
                new AssociateRouteTable(), new CreateRoute());
    }

    static final class CreateVpc implements StepHandler {
        public ActionKind kind() {
            return ActionKind.CREATE_VPC;
        }

        public StepOutcome apply(StepContext c) {
            for (String id : c.adoptable("vpc-")) {
                return StepOutcome.adopted(id, null);
            }
            return StepOutcome.created(c.ec2().createVpc(r -> r.cidrBlock(c.param("cidr"))
                    .tagSpecifications(c.tagSpec(ResourceType.VPC))).vpc().vpcId());
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            String vpc = c.own().awsId();
            AwsCalls.deleting(() -> c.ec2().deleteVpc(r -> r.vpcId(vpc)), "InvalidVpcID.NotFound");
            return StepOutcome.created(vpc);
        }

        public String undoDescription(RunStep step) {
            return "Delete the VPC";
        }
    }

    static final class EnableDnsHostnames implements StepHandler {
        public ActionKind kind() {
            return ActionKind.ENABLE_VPC_DNS_HOSTNAMES;
        }

        public StepOutcome apply(StepContext c) {
            String vpc = c.resolve("vpc");
            c.ec2().modifyVpcAttribute(r -> r.vpcId(vpc)
                    .enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
            return StepOutcome.none();
        }
    }

    static final class CreateSubnet implements StepHandler {
        public ActionKind kind() {
            return ActionKind.CREATE_SUBNET;
        }

        public StepOutcome apply(StepContext c) {
            for (String id : c.adoptable("subnet-")) {
                return StepOutcome.adopted(id, null);
            }
            String vpc = c.resolve("vpc");
            return StepOutcome.created(c.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock(c.param("cidr"))
                    .availabilityZone(c.param("availabilityZone"))
                    .tagSpecifications(c.tagSpec(ResourceType.SUBNET))).subnet().subnetId());
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            String subnet = c.own().awsId();
            AwsCalls.deleting(() -> c.ec2().deleteSubnet(r -> r.subnetId(subnet)), "InvalidSubnetID.NotFound");
            return StepOutcome.created(subnet);
        }

        public String undoDescription(RunStep step) {
            return "Delete the " + step.param("tier") + " subnet " + step.param("cidr") + " in "
                    + step.param("availabilityZone");
        }
    }

    static final class CreateInternetGateway implements StepHandler {
        public ActionKind kind() {
            return ActionKind.CREATE_INTERNET_GATEWAY;
        }

        public StepOutcome apply(StepContext c) {
            for (String id : c.adoptable("igw-")) {
                return StepOutcome.adopted(id, null);
            }
            return StepOutcome.created(c.ec2().createInternetGateway(r -> r
                    .tagSpecifications(c.tagSpec(ResourceType.INTERNET_GATEWAY))).internetGateway()
                    .internetGatewayId());
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            String igw = c.own().awsId();
            try {
                AwsCalls.ignoring(() -> c.ec2().deleteInternetGateway(r -> r.internetGatewayId(igw)),
                        "InvalidInternetGatewayID.NotFound");
            } catch (AwsServiceException e) {
                if (!"DependencyViolation".equals(AwsCalls.errorCode(e))) {
                    throw e;
                }
                // Still attached (an attachment a crashed run never recorded): detach, then delete.
                c.ec2().describeInternetGateways(r -> r.internetGatewayIds(igw)).internetGateways().stream()
                        .flatMap(gateway -> gateway.attachments().stream())
                        .forEach(attachment -> AwsCalls.deleting(() -> c.ec2().detachInternetGateway(r -> r
                                .internetGatewayId(igw).vpcId(attachment.vpcId())), "Gateway.NotAttached"));
                AwsCalls.deleting(() -> c.ec2().deleteInternetGateway(r -> r.internetGatewayId(igw)),
                        "InvalidInternetGatewayID.NotFound");
            }
            return StepOutcome.created(igw);
        }

        public String undoDescription(RunStep step) {
            return "Delete the internet gateway";
        }
    }

    static final class AttachInternetGateway implements StepHandler {
        public ActionKind kind() {
            return ActionKind.ATTACH_INTERNET_GATEWAY;
        }

        public StepOutcome apply(StepContext c) {
            String igw = c.resolve("internetGateway");
            String vpc = c.resolve("vpc");
            // A retry finds it attached already: AWS says Resource.AlreadyAssociated.
            AwsCalls.ignoring(() -> c.ec2().attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc)),
                    "Resource.AlreadyAssociated");
            return StepOutcome.created(igw, vpc);
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            String igw = c.own().awsId();
            String vpc = c.own().detail();
            AwsCalls.deleting(() -> c.ec2().detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc)),
                    "Gateway.NotAttached", "InvalidInternetGatewayID.NotFound", "InvalidVpcID.NotFound");
            return StepOutcome.created(igw);
        }

        public String undoDescription(RunStep step) {
            return "Detach the internet gateway from the VPC";
        }
    }

    static final class CreateRouteTable implements StepHandler {
        public ActionKind kind() {
            return ActionKind.CREATE_ROUTE_TABLE;
        }

        public StepOutcome apply(StepContext c) {
            for (String id : c.adoptable("rtb-")) {
                return StepOutcome.adopted(id, null);
            }
            String vpc = c.resolve("vpc");
            return StepOutcome.created(c.ec2().createRouteTable(r -> r.vpcId(vpc)
                    .tagSpecifications(c.tagSpec(ResourceType.ROUTE_TABLE))).routeTable().routeTableId());
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            String table = c.own().awsId();
            try {
                AwsCalls.ignoring(() -> c.ec2().deleteRouteTable(r -> r.routeTableId(table)),
                        "InvalidRouteTableID.NotFound");
            } catch (AwsServiceException e) {
                if (!"DependencyViolation".equals(AwsCalls.errorCode(e))) {
                    throw e;
                }
                // Still associated (an association a crashed run never recorded): disassociate, then delete.
                c.ec2().describeRouteTables(r -> r.routeTableIds(table)).routeTables().stream()
                        .flatMap(t -> t.associations().stream()).filter(a -> !Boolean.TRUE.equals(a.main()))
                        .forEach(a -> AwsCalls.ignoring(() -> c.ec2().disassociateRouteTable(r -> r
                                .associationId(a.routeTableAssociationId())), "InvalidAssociationID.NotFound"));
                AwsCalls.deleting(() -> c.ec2().deleteRouteTable(r -> r.routeTableId(table)),
                        "InvalidRouteTableID.NotFound");
            }
            return StepOutcome.created(table);
        }

        public String undoDescription(RunStep step) {
            return "Delete the " + step.param("tier") + " route table" + (step.zone() == null ? "" : " of " + step.zone());
        }
    }

    static final class AdoptMainRouteTable implements StepHandler {
        public ActionKind kind() {
            return ActionKind.ADOPT_MAIN_ROUTE_TABLE;
        }

        public StepOutcome apply(StepContext c) {
            String vpc = c.resolve("vpc");
            List<RouteTable> tables = c.ec2().describeRouteTables(r -> r.filters(
                    Filter.builder().name("vpc-id").values(vpc).build(),
                    Filter.builder().name("association.main").values("true").build())).routeTables();
            if (tables.isEmpty()) {
                throw new StepFailure("MainRouteTableNotFound", "VPC " + vpc + " has no main route table");
            }
            String table = tables.get(0).routeTableId();
            c.ec2().createTags(r -> r.resources(table).tags(c.tags()));
            return StepOutcome.created(table);
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            // The main table goes with its VPC; remove the console's tags so nothing tagged outlives the topology.
            String table = c.own().awsId();
            AwsCalls.ignoring(() -> c.ec2().deleteTags(r -> r.resources(table)
                    .tags(c.tags().stream().map(tag -> Tag.builder().key(tag.key()).build()).toList())),
                    "InvalidRouteTableID.NotFound");
            return StepOutcome.created(table);
        }

        public String undoDescription(RunStep step) {
            return "Untag the VPC's main route table";
        }
    }

    static final class AssociateRouteTable implements StepHandler {
        public ActionKind kind() {
            return ActionKind.ASSOCIATE_ROUTE_TABLE;
        }

        public StepOutcome apply(StepContext c) {
            String table = c.resolve("routeTable");
            String subnet = c.resolve("subnet");
            try {
                return StepOutcome.created(c.ec2().associateRouteTable(r -> r.routeTableId(table).subnetId(subnet))
                        .associationId());
            } catch (AwsServiceException e) {
                if (!"Resource.AlreadyAssociated".equals(AwsCalls.errorCode(e))) {
                    throw e;
                }
                // A retry: the subnet is associated already; adopt that association if it is with our table.
                return c.ec2().describeRouteTables(r -> r.routeTableIds(table)).routeTables().stream()
                        .flatMap(t -> t.associations().stream())
                        .filter(a -> subnet.equals(a.subnetId()))
                        .map(RouteTableAssociation::routeTableAssociationId)
                        .findFirst().map(id -> StepOutcome.adopted(id, null))
                        .orElseThrow(() -> e);
            }
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            String association = c.own().awsId();
            AwsCalls.ignoring(() -> c.ec2().disassociateRouteTable(r -> r.associationId(association)),
                    "InvalidAssociationID.NotFound");
            return StepOutcome.created(association);
        }

        public String undoDescription(RunStep step) {
            return "Disassociate: " + step.description();
        }
    }

    static final class CreateRoute implements StepHandler {
        public ActionKind kind() {
            return ActionKind.CREATE_ROUTE;
        }

        public StepOutcome apply(StepContext c) {
            String table = c.resolve("routeTable");
            String destination = c.param("destination");
            String igw = c.param("internetGateway") == null ? null : c.resolve("internetGateway");
            String instance = c.param("instance") == null ? null : c.resolve("instance");
            String natGateway = c.param("natGateway") == null ? null : c.resolve("natGateway");
            try {
                c.ec2().createRoute(r -> r.routeTableId(table).destinationCidrBlock(destination).gatewayId(igw)
                        .instanceId(instance).natGatewayId(natGateway));
            } catch (AwsServiceException e) {
                if (!"RouteAlreadyExists".equals(AwsCalls.errorCode(e))) {
                    throw e;
                }
                // A retry, or a route left from before: point it where the plan says.
                c.ec2().replaceRoute(r -> r.routeTableId(table).destinationCidrBlock(destination).gatewayId(igw)
                        .instanceId(instance).natGatewayId(natGateway));
            }
            return StepOutcome.created(table, destination);
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            String table = c.own().awsId();
            String destination = c.own().detail();
            AwsCalls.ignoring(() -> c.ec2().deleteRoute(r -> r.routeTableId(table).destinationCidrBlock(destination)),
                    "InvalidRoute.NotFound", "InvalidRouteTableID.NotFound");
            return StepOutcome.created(table);
        }

        public String undoDescription(RunStep step) {
            return "Delete the route: " + step.description();
        }
    }
}
