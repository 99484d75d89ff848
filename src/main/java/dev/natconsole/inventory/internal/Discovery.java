package dev.natconsole.inventory.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Reads one region into a {@link Network} with a small, fixed set of paginated describe calls; never one call
 * per resource. The number of calls grows with the number of result pages (and of 200-id filter chunks), not
 * with the number of resources:
 * <ul>
 * <li>DescribeVpcs, DescribeSubnets, DescribeRouteTables, DescribeNatGateways, DescribeAddresses: everything;</li>
 * <li>DescribeInstances, filtered three ways: the instances that default routes point at (by id), those with
 * the source/destination check off, and those the console manages (by tag) — never every instance;</li>
 * <li>DescribeSecurityGroups for the groups of those instances (by id) and the managed ones (by tag);</li>
 * <li>DescribeImages for the images of those instances, all ids in one filter.</li>
 * </ul>
 * Filters are used rather than id lists because a filter on an id that no longer exists returns nothing, where
 * an id list fails the whole call ({@code InvalidInstanceID.NotFound}).
 */
public final class Discovery {

    /** EC2 accepts at most 200 values per filter. */
    static final int FILTER_VALUES = 200;

    /** The largest page most of these calls accept; DescribeRouteTables stops at 100. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final Clock clock;
    private final int pageSize;

    public Discovery(Clock clock) {
        this(clock, MAX_PAGE_SIZE);
    }

    /** A smaller page size (5 to 1000) makes the calls' growth with pages visible; the console uses the largest. */
    public Discovery(Clock clock, int pageSize) {
        if (pageSize < 5 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 5 to 1000");
        }
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** A network and the number of API calls (pages) it took. */
    public record Result(Network network, int apiCalls) {
    }

    public Result discover(Ec2Client ec2, String region) {
        AtomicInteger calls = new AtomicInteger();
        Instant takenAt = clock.instant();

        List<Network.Vpc> vpcs = pages(calls, ec2.describeVpcsPaginator(DescribeVpcsRequest.builder()
                .maxResults(pageSize).build()))
                .flatMap(page -> page.vpcs().stream())
                .map(vpc -> new Network.Vpc(vpc.vpcId(), vpc.cidrBlock(), tags(vpc.tags())))
                .toList();

        List<Network.Subnet> subnets = pages(calls, ec2.describeSubnetsPaginator(DescribeSubnetsRequest.builder()
                .maxResults(pageSize).build()))
                .flatMap(page -> page.subnets().stream())
                .map(subnet -> new Network.Subnet(subnet.subnetId(), subnet.vpcId(), subnet.availabilityZone(),
                        subnet.cidrBlock(), tags(subnet.tags())))
                .toList();

        List<Network.RouteTable> routeTables = pages(calls, ec2.describeRouteTablesPaginator(
                DescribeRouteTablesRequest.builder().maxResults(Math.min(100, pageSize)).build()))
                .flatMap(page -> page.routeTables().stream())
                .map(table -> new Network.RouteTable(table.routeTableId(), table.vpcId(),
                        table.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main())),
                        table.associations().stream().map(RouteTableAssociation::subnetId)
                                .filter(id -> id != null).toList(),
                        table.routes().stream().map(route -> new Network.Route(
                                route.destinationCidrBlock() != null ? route.destinationCidrBlock()
                                        : route.destinationIpv6CidrBlock() != null ? route.destinationIpv6CidrBlock()
                                                : route.destinationPrefixListId(),
                                route.gatewayId(), route.instanceId(), route.natGatewayId(),
                                route.networkInterfaceId(), route.stateAsString())).toList(),
                        tags(table.tags())))
                .toList();

        // Instances: the targets of default routes, the forwarders, and the console's own. Never all of them.
        Set<String> routedInstanceIds = new LinkedHashSet<>();
        routeTables.forEach(table -> table.routes().stream()
                .filter(route -> route.isDefault() && route.instanceId() != null)
                .forEach(route -> routedInstanceIds.add(route.instanceId())));
        Map<String, Network.Instance> instances = new LinkedHashMap<>();
        for (List<String> chunk : chunks(routedInstanceIds)) {
            instances(calls, ec2, filter("instance-id", chunk), instances);
        }
        instances(calls, ec2, filter("source-dest-check", List.of("false")), instances);
        instances(calls, ec2, filter("tag:" + Network.TAG_MANAGED, List.of("true")), instances);

        Set<String> groupIds = new LinkedHashSet<>();
        instances.values().forEach(instance -> groupIds.addAll(instance.securityGroupIds()));
        Map<String, Network.SecurityGroup> groups = new LinkedHashMap<>();
        for (List<String> chunk : chunks(groupIds)) {
            securityGroups(calls, ec2, filter("group-id", chunk), groups);
        }
        securityGroups(calls, ec2, filter("tag:" + Network.TAG_MANAGED, List.of("true")), groups);

        calls.incrementAndGet();
        List<Network.Address> addresses = ec2.describeAddresses(DescribeAddressesRequest.builder().build())
                .addresses().stream()
                .map(address -> new Network.Address(address.allocationId(), address.publicIp(),
                        address.instanceId(), address.networkInterfaceId(), tags(address.tags())))
                .toList();

        List<Network.NatGateway> natGateways = pages(calls, ec2.describeNatGatewaysPaginator(
                DescribeNatGatewaysRequest.builder().maxResults(pageSize).build()))
                .flatMap(page -> page.natGateways().stream())
                .map(gateway -> new Network.NatGateway(gateway.natGatewayId(), gateway.vpcId(), gateway.subnetId(),
                        gateway.stateAsString(), gateway.connectivityTypeAsString(),
                        gateway.natGatewayAddresses().stream().map(a -> a.publicIp()).filter(ip -> ip != null)
                                .toList(),
                        tags(gateway.tags())))
                .toList();

        Set<String> imageIds = new LinkedHashSet<>();
        instances.values().forEach(instance -> {
            if (instance.imageId() != null) {
                imageIds.add(instance.imageId());
            }
        });
        List<Network.Image> images = new ArrayList<>();
        for (List<String> chunk : chunks(imageIds)) {
            pages(calls, ec2.describeImagesPaginator(DescribeImagesRequest.builder()
                    .filters(filter("image-id", chunk)).includeDeprecated(true).build()))
                    .flatMap(page -> page.images().stream())
                    .map(image -> new Network.Image(image.imageId(), image.name(), image.description(),
                            instant(image.creationDate()), instant(image.deprecationTime()), image.ownerId()))
                    .forEach(images::add);
        }

        Network network = Network.of(region, takenAt, vpcs, subnets, routeTables, instances.values(),
                groups.values(), addresses, natGateways, images);
        return new Result(network, calls.get());
    }

    private void instances(AtomicInteger calls, Ec2Client ec2, Filter filter, Map<String, Network.Instance> into) {
        pages(calls, ec2.describeInstancesPaginator(DescribeInstancesRequest.builder().filters(filter)
                .maxResults(pageSize).build()))
                .flatMap(page -> page.reservations().stream())
                .flatMap((Reservation reservation) -> reservation.instances().stream())
                .map(instance -> new Network.Instance(instance.instanceId(), instance.vpcId(), instance.subnetId(),
                        instance.placement() == null ? null : instance.placement().availabilityZone(),
                        instance.instanceTypeAsString(),
                        instance.state() == null ? null : instance.state().nameAsString(),
                        instance.imageId(), !Boolean.FALSE.equals(instance.sourceDestCheck()),
                        instance.networkInterfaces().stream().map(Discovery::networkInterface).toList(),
                        instance.publicIpAddress(), instance.privateIpAddress(),
                        instance.securityGroups().stream().map(group -> group.groupId()).toList(),
                        instance.launchTime(), tags(instance.tags())))
                .forEach(instance -> into.put(instance.id(), instance));
    }

    private static Network.NetworkInterface networkInterface(InstanceNetworkInterface eni) {
        return new Network.NetworkInterface(eni.networkInterfaceId(),
                eni.attachment() == null || eni.attachment().deviceIndex() == null ? 0 : eni.attachment().deviceIndex(),
                !Boolean.FALSE.equals(eni.sourceDestCheck()));
    }

    private void securityGroups(AtomicInteger calls, Ec2Client ec2, Filter filter,
            Map<String, Network.SecurityGroup> into) {
        pages(calls, ec2.describeSecurityGroupsPaginator(DescribeSecurityGroupsRequest.builder().filters(filter)
                .maxResults(pageSize).build()))
                .flatMap(page -> page.securityGroups().stream())
                .map(group -> new Network.SecurityGroup(group.groupId(), group.vpcId(), group.groupName(),
                        rules(group.ipPermissions()), rules(group.ipPermissionsEgress()), tags(group.tags())))
                .forEach(group -> into.put(group.id(), group));
    }

    /** One rule per peer, so that rules compare one to one with the plan's AUTHORIZE steps. */
    static List<Network.Rule> rules(List<IpPermission> permissions) {
        List<Network.Rule> rules = new ArrayList<>();
        for (IpPermission permission : permissions) {
            String protocol = permission.ipProtocol();
            int from = permission.fromPort() == null ? -1 : permission.fromPort();
            int to = permission.toPort() == null ? -1 : permission.toPort();
            permission.ipRanges().forEach(range -> rules.add(new Network.Rule(protocol, from, to, range.cidrIp(), null)));
            permission.ipv6Ranges().forEach(range -> rules.add(
                    new Network.Rule(protocol, from, to, range.cidrIpv6(), null)));
            permission.userIdGroupPairs().forEach(pair -> rules.add(
                    new Network.Rule(protocol, from, to, null, pair.groupId())));
            permission.prefixListIds().forEach(prefixList -> rules.add(
                    new Network.Rule(protocol, from, to, null, prefixList.prefixListId())));
        }
        return rules;
    }

    private static <P> Stream<P> pages(AtomicInteger calls, SdkIterable<P> pages) {
        return pages.stream().peek(page -> calls.incrementAndGet());
    }

    private static Filter filter(String name, Collection<String> values) {
        return Filter.builder().name(name).values(values).build();
    }

    static List<List<String>> chunks(Collection<String> values) {
        List<String> all = List.copyOf(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += FILTER_VALUES) {
            chunks.add(all.subList(i, Math.min(all.size(), i + FILTER_VALUES)));
        }
        return chunks;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value() == null ? "" : tag.value()));
        return map;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
