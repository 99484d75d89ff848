package dev.natconsole.inventory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The NAT paths of a {@link Network}: every instance a default route points at or whose source/destination
 * check is off, and every NAT Gateway that is not deleted, each with the route tables that send their default
 * route to it and the subnets those tables serve. Routes to an instance that is not in the network at all
 * (deleted long ago) are kept as {@link #missingTargets()}.
 */
public final class NatPaths {

    public enum Kind { INSTANCE, GATEWAY }

    /** One NAT. {@code instance} or {@code gateway} is set, by kind. */
    public record NatPath(Kind kind, String id, String vpcId, String availabilityZone, Network.Instance instance,
            Network.NatGateway gateway, List<Network.RouteTable> routeTables, List<Network.Subnet> servedSubnets) {

        public boolean routed() {
            return !routeTables.isEmpty();
        }

        public Set<String> servedZones() {
            Set<String> zones = new LinkedHashSet<>();
            servedSubnets.forEach(subnet -> zones.add(subnet.availabilityZone()));
            return zones;
        }
    }

    private final Network network;
    private final Map<String, NatPath> paths;
    private final Map<String, List<Network.RouteTable>> missingTargets;

    private NatPaths(Network network, Map<String, NatPath> paths, Map<String, List<Network.RouteTable>> missing) {
        this.network = network;
        this.paths = paths;
        this.missingTargets = missing;
    }

    public static NatPaths of(Network network) {
        Map<String, List<Network.RouteTable>> tablesByTarget = new LinkedHashMap<>();
        List<Network.RouteTable> tables = new ArrayList<>(network.routeTables().values());
        tables.sort(Comparator.comparing(Network.RouteTable::id));
        for (Network.RouteTable table : tables) {
            table.defaultRoute().ifPresent(route -> {
                String target = route.instanceId() != null ? route.instanceId()
                        : route.natGatewayId() != null ? route.natGatewayId()
                                : route.networkInterfaceId() != null
                                        ? network.instanceWithInterface(route.networkInterfaceId())
                                                .map(Network.Instance::id).orElse(null)
                                        : null;
                if (target != null) {
                    tablesByTarget.computeIfAbsent(target, key -> new ArrayList<>()).add(table);
                }
            });
        }
        Map<String, NatPath> paths = new LinkedHashMap<>();
        Map<String, List<Network.RouteTable>> missing = new LinkedHashMap<>();
        List<Network.Instance> instances = new ArrayList<>(network.instances().values());
        instances.sort(Comparator.comparing(Network.Instance::id));
        for (Network.Instance instance : instances) {
            List<Network.RouteTable> routing = tablesByTarget.getOrDefault(instance.id(), List.of());
            if (!routing.isEmpty() || instance.forwards()) {
                paths.put(instance.id(), new NatPath(Kind.INSTANCE, instance.id(), instance.vpcId(),
                        instance.availabilityZone(), instance, null, List.copyOf(routing), served(network, routing)));
            }
        }
        List<Network.NatGateway> gateways = new ArrayList<>(network.natGateways().values());
        gateways.sort(Comparator.comparing(Network.NatGateway::id));
        for (Network.NatGateway gateway : gateways) {
            if ("deleted".equals(gateway.state())) {
                continue;
            }
            List<Network.RouteTable> routing = tablesByTarget.getOrDefault(gateway.id(), List.of());
            Network.Subnet subnet = network.subnets().get(gateway.subnetId());
            paths.put(gateway.id(), new NatPath(Kind.GATEWAY, gateway.id(), gateway.vpcId(),
                    subnet == null ? null : subnet.availabilityZone(), null, gateway, List.copyOf(routing),
                    served(network, routing)));
        }
        tablesByTarget.forEach((target, routing) -> {
            if (!paths.containsKey(target) && !network.instances().containsKey(target)
                    && !network.natGateways().containsKey(target)) {
                missing.put(target, List.copyOf(routing));
            }
        });
        return new NatPaths(network, paths, missing);
    }

    private static List<Network.Subnet> served(Network network, List<Network.RouteTable> tables) {
        List<Network.Subnet> served = new ArrayList<>();
        tables.forEach(table -> served.addAll(network.subnetsServedBy(table)));
        return List.copyOf(served);
    }

    public Network network() {
        return network;
    }

    public List<NatPath> all() {
        return List.copyOf(paths.values());
    }

    public List<NatPath> instances() {
        return paths.values().stream().filter(path -> path.kind() == Kind.INSTANCE).toList();
    }

    public List<NatPath> gateways() {
        return paths.values().stream().filter(path -> path.kind() == Kind.GATEWAY).toList();
    }

    public Optional<NatPath> get(String id) {
        return Optional.ofNullable(paths.get(id));
    }

    /** Route targets (instances or gateways) that the account no longer knows at all, with the tables naming them. */
    public Map<String, List<Network.RouteTable>> missingTargets() {
        return missingTargets;
    }

    /** The VPCs that have at least one NAT path. */
    public Set<String> vpcsWithNat() {
        Set<String> vpcs = new LinkedHashSet<>();
        paths.values().forEach(path -> vpcs.add(path.vpcId()));
        return vpcs;
    }
}
