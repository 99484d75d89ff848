package dev.natconsole.inventory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one region of one account holds, as far as NAT paths are concerned: a plain-Java copy of the describe
 * calls' answers, joined by id and indexed once. Tests build it by hand; {@link Discovery} builds it from the SDK.
 * Immutable.
 */
public final class Network {

    public static final String ANYWHERE = "0.0.0.0/0";
    public static final String TAG_TOPOLOGY = "natconsole:topology";
    public static final String TAG_LOGICAL_ID = "natconsole:logical-id";
    public static final String TAG_MANAGED = "natconsole:managed";

    private final String region;
    private final Instant takenAt;
    private final Map<String, Vpc> vpcs;
    private final Map<String, Subnet> subnets;
    private final Map<String, RouteTable> routeTables;
    private final Map<String, Instance> instances;
    private final Map<String, SecurityGroup> securityGroups;
    private final List<Address> addresses;
    private final Map<String, NatGateway> natGateways;
    private final Map<String, Image> images;
    /** Indexes built once, so that joins stay linear in large accounts. */
    private final Map<String, RouteTable> explicitTableBySubnet = new HashMap<>();
    private final Map<String, RouteTable> mainTableByVpc = new HashMap<>();
    private final Map<String, List<Subnet>> subnetsByVpc = new HashMap<>();
    private final Map<String, Instance> instanceByInterface = new HashMap<>();

    public Network(String region, Instant takenAt, Map<String, Vpc> vpcs, Map<String, Subnet> subnets,
            Map<String, RouteTable> routeTables, Map<String, Instance> instances,
            Map<String, SecurityGroup> securityGroups, List<Address> addresses, Map<String, NatGateway> natGateways,
            Map<String, Image> images) {
        this.region = region;
        this.takenAt = takenAt;
        this.vpcs = Map.copyOf(vpcs);
        this.subnets = Map.copyOf(subnets);
        this.routeTables = Map.copyOf(routeTables);
        this.instances = Map.copyOf(instances);
        this.securityGroups = Map.copyOf(securityGroups);
        this.addresses = List.copyOf(addresses);
        this.natGateways = Map.copyOf(natGateways);
        this.images = Map.copyOf(images);
        for (RouteTable table : this.routeTables.values()) {
            table.subnetIds().forEach(subnet -> explicitTableBySubnet.put(subnet, table));
            if (table.main()) {
                mainTableByVpc.put(table.vpcId(), table);
            }
        }
        this.subnets.values().stream().sorted(java.util.Comparator.comparing(Subnet::id))
                .forEach(subnet -> subnetsByVpc.computeIfAbsent(subnet.vpcId(), key -> new ArrayList<>()).add(subnet));
        this.instances.values().forEach(instance -> instance.interfaces()
                .forEach(eni -> instanceByInterface.put(eni.id(), instance)));
    }

    public String region() {
        return region;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public Map<String, Vpc> vpcs() {
        return vpcs;
    }

    public Map<String, Subnet> subnets() {
        return subnets;
    }

    public Map<String, RouteTable> routeTables() {
        return routeTables;
    }

    public Map<String, Instance> instances() {
        return instances;
    }

    public Map<String, SecurityGroup> securityGroups() {
        return securityGroups;
    }

    public List<Address> addresses() {
        return addresses;
    }

    public Map<String, NatGateway> natGateways() {
        return natGateways;
    }

    public Map<String, Image> images() {
        return images;
    }

    /** Builds a network from lists, keyed by each element's id (later duplicates win). */
    public static Network of(String region, Instant takenAt, Collection<Vpc> vpcs, Collection<Subnet> subnets,
            Collection<RouteTable> routeTables, Collection<Instance> instances,
            Collection<SecurityGroup> securityGroups, Collection<Address> addresses,
            Collection<NatGateway> natGateways, Collection<Image> images) {
        return new Network(region, takenAt, byId(vpcs, Vpc::id), byId(subnets, Subnet::id),
                byId(routeTables, RouteTable::id), byId(instances, Instance::id),
                byId(securityGroups, SecurityGroup::id), List.copyOf(addresses), byId(natGateways, NatGateway::id),
                byId(images, Image::id));
    }

    private static <T> Map<String, T> byId(Collection<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }

    public record Vpc(String id, String cidr, Map<String, String> tags) {
        public Vpc {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    public record Subnet(String id, String vpcId, String availabilityZone, String cidr, Map<String, String> tags) {
        public Subnet {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    /**
     * One route. Exactly one target field is usually set; {@code state} is AWS's own (active or blackhole),
     * which emulators never turn to blackhole.
     */
    public record Route(String destination, String gatewayId, String instanceId, String natGatewayId,
            String networkInterfaceId, String state) {

        public static Route toGateway(String destination, String gatewayId) {
            return new Route(destination, gatewayId, null, null, null, "active");
        }

        public static Route toInstance(String destination, String instanceId) {
            return new Route(destination, null, instanceId, null, null, "active");
        }

        public static Route toNatGateway(String destination, String natGatewayId) {
            return new Route(destination, null, null, natGatewayId, null, "active");
        }

        public boolean isDefault() {
            return ANYWHERE.equals(destination);
        }

        /** The id the route sends traffic to, whatever its kind. */
        public String target() {
            if (instanceId != null) {
                return instanceId;
            }
            if (natGatewayId != null) {
                return natGatewayId;
            }
            if (networkInterfaceId != null) {
                return networkInterfaceId;
            }
            return gatewayId;
        }
    }

    /** {@code subnetIds} are the explicit associations; a main table also serves every unassociated subnet. */
    public record RouteTable(String id, String vpcId, boolean main, List<String> subnetIds, List<Route> routes,
            Map<String, String> tags) {
        public RouteTable {
            subnetIds = List.copyOf(subnetIds);
            routes = List.copyOf(routes);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }

        public Optional<Route> defaultRoute() {
            return routes.stream().filter(Route::isDefault).findFirst();
        }
    }

    public record NetworkInterface(String id, int deviceIndex, boolean sourceDestCheck) {
    }

    /**
     * An instance. {@code sourceDestCheck} is the instance attribute, which on AWS is the primary interface's
     * value too; {@code interfaces} carry their own value (moto keeps the two apart, so only secondary interfaces
     * are read from there).
     */
    public record Instance(String id, String vpcId, String subnetId, String availabilityZone, String instanceType,
            String state, String imageId, boolean sourceDestCheck, List<NetworkInterface> interfaces,
            String publicIp, String privateIp, List<String> securityGroupIds, Instant launchTime,
            Map<String, String> tags) {
        public Instance {
            interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
            securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }

        /** Whether it can forward traffic: the instance check is off, or a secondary interface has it off. */
        public boolean forwards() {
            return !sourceDestCheck || interfaces.stream()
                    .anyMatch(eni -> eni.deviceIndex() > 0 && !eni.sourceDestCheck());
        }

        /** Running or pending: anything else drops what is routed to it. */
        public boolean alive() {
            return "running".equals(state) || "pending".equals(state);
        }

        public Set<String> interfaceIds() {
            return interfaces.stream().map(NetworkInterface::id).collect(Collectors.toSet());
        }
    }

    /** One permission flattened to one peer: {@code cidr} or {@code sourceGroupId} is set. Protocol -1 is all. */
    public record Rule(String protocol, int fromPort, int toPort, String cidr, String sourceGroupId) {

        public static Rule cidr(String protocol, int fromPort, int toPort, String cidr) {
            return new Rule(protocol, fromPort, toPort, cidr, null);
        }

        public boolean allProtocols() {
            return "-1".equals(protocol) || "all".equalsIgnoreCase(protocol);
        }

        /** Whether the rule lets in TCP on {@code port}. */
        public boolean allowsTcp(int port) {
            return allProtocols() || ("tcp".equals(protocol) || "6".equals(protocol))
                    && (fromPort == -1 || fromPort <= port && port <= toPort);
        }

        @Override
        public String toString() {
            String ports = allProtocols() ? "all traffic"
                    : protocol + (fromPort == toPort ? " " + (fromPort == -1 ? "all" : fromPort)
                            : " " + fromPort + "-" + toPort);
            return ports + " " + (cidr != null ? cidr : sourceGroupId);
        }
    }

    public record SecurityGroup(String id, String vpcId, String name, List<Rule> ingress, List<Rule> egress,
            Map<String, String> tags) {
        public SecurityGroup {
            ingress = List.copyOf(ingress);
            egress = List.copyOf(egress);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    public record Address(String allocationId, String publicIp, String instanceId, String networkInterfaceId,
            Map<String, String> tags) {
        public Address {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    public record NatGateway(String id, String vpcId, String subnetId, String state, String connectivityType,
            List<String> publicIps, Map<String, String> tags) {
        public NatGateway {
            publicIps = publicIps == null ? List.of() : List.copyOf(publicIps);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }

        public boolean alive() {
            return "available".equals(state) || "pending".equals(state);
        }
    }

    /** {@code deprecationTime} is null when the image is not scheduled for deprecation. */
    public record Image(String id, String name, String description, Instant creationDate, Instant deprecationTime,
            String ownerId) {
    }

    /** The route table whose routes apply to a subnet: its explicit association, else its VPC's main table. */
    public Optional<RouteTable> routeTableOf(Subnet subnet) {
        RouteTable explicit = explicitTableBySubnet.get(subnet.id());
        return Optional.ofNullable(explicit != null ? explicit : mainTableByVpc.get(subnet.vpcId()));
    }

    /** The subnets a route table serves: explicit associations, plus unassociated subnets for a main table. */
    public List<Subnet> subnetsServedBy(RouteTable table) {
        List<Subnet> served = new ArrayList<>();
        for (Subnet subnet : subnetsByVpc.getOrDefault(table.vpcId(), List.of())) {
            RouteTable explicit = explicitTableBySubnet.get(subnet.id());
            if (explicit != null ? explicit.id().equals(table.id()) : table.main()) {
                served.add(subnet);
            }
        }
        return served;
    }

    /** The instance an interface belongs to, for routes that name an interface instead of an instance. */
    public Optional<Instance> instanceWithInterface(String networkInterfaceId) {
        return Optional.ofNullable(networkInterfaceId == null ? null : instanceByInterface.get(networkInterfaceId));
    }

    /** The instance a route sends traffic to, by instance id or interface id; empty when there is none here. */
    public Optional<Instance> routeInstance(Route route) {
        if (route.instanceId() != null) {
            return Optional.ofNullable(instances.get(route.instanceId()));
        }
        return route.networkInterfaceId() == null ? Optional.empty() : instanceWithInterface(route.networkInterfaceId());
    }
}
