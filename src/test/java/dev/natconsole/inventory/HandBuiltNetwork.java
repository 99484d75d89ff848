package dev.natconsole.inventory;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Builds networks by hand through the raw SDK, the way the seed article does in the AWS console: no console code
 * involved, so that discovery is tested against what any account may hold.
 */
final class HandBuiltNetwork {

    final Ec2Client ec2;

    HandBuiltNetwork(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    String image(String namePattern) {
        return ec2.describeImages(r -> r.filters(Filter.builder().name("name").values(namePattern).build()))
                .images().stream().map(Image::imageId).sorted().findFirst()
                .orElseThrow(() -> new IllegalStateException("moto has no image named " + namePattern));
    }

    String vpc(String cidr) {
        return ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
    }

    String subnet(String vpc, String cidr, String zone) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(zone)).subnet().subnetId();
    }

    String internetGateway(String vpc) {
        String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        return igw;
    }

    String routeTable(String vpc, String... subnets) {
        String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        for (String subnet : subnets) {
            ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet));
        }
        return table;
    }

    String mainRouteTable(String vpc) {
        return ec2.describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build(),
                Filter.builder().name("association.main").values("true").build()))
                .routeTables().get(0).routeTableId();
    }

    void routeToGateway(String table, String gateway) {
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(gateway));
    }

    void routeToInstance(String table, String instance) {
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").instanceId(instance));
    }

    void routeToNatGateway(String table, String natGateway) {
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").natGatewayId(natGateway));
    }

    static IpPermission allow(String protocol, int from, int to, String... cidrs) {
        return IpPermission.builder().ipProtocol(protocol).fromPort(from).toPort(to)
                .ipRanges(List.of(cidrs).stream().map(cidr -> IpRange.builder().cidrIp(cidr).build()).toList())
                .build();
    }

    String securityGroup(String vpc, String name, IpPermission... ingress) {
        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName(name).description(name)).groupId();
        if (ingress.length > 0) {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(ingress));
        }
        return group;
    }

    String instance(String subnet, String type, String image, String group, String name) {
        return ec2.runInstances(r -> r.subnetId(subnet).instanceType(type).imageId(image).securityGroupIds(group)
                .minCount(1).maxCount(1).tagSpecifications(spec -> spec.resourceType("instance")
                        .tags(Tag.builder().key("Name").value(name).build())))
                .instances().get(0).instanceId();
    }

    void sourceDestCheckOff(String instance) {
        ec2.modifyInstanceAttribute(r -> r.instanceId(instance)
                .sourceDestCheck(AttributeBooleanValue.builder().value(false).build()));
    }

    String elasticIp(String instance) {
        String allocation = ec2.allocateAddress(r -> r.domain(DomainType.VPC)).allocationId();
        ec2.associateAddress(r -> r.allocationId(allocation).instanceId(instance));
        return allocation;
    }

    String natGateway(String subnet) {
        String allocation = ec2.allocateAddress(r -> r.domain(DomainType.VPC)).allocationId();
        return ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(allocation)).natGateway().natGatewayId();
    }

    void terminate(String instance) {
        ec2.terminateInstances(r -> r.instanceIds(instance));
    }

    void tag(String resource, Map<String, String> tags) {
        ec2.createTags(r -> r.resources(resource).tags(tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
    }
}
