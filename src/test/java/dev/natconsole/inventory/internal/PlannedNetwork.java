package dev.natconsole.inventory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.natconsole.topology.Plan;
import dev.natconsole.topology.PlanAction;

/**
 * A hand-made network holding exactly what applying a plan creates, tagged as the provisioning engine tags it:
 * the starting point of drift unit tests, which then change it behind the console's back.
 */
final class PlannedNetwork {

    final long topologyId;
    final Map<String, String> ids = new LinkedHashMap<>();
    final Map<String, Network.Vpc> vpcs = new LinkedHashMap<>();
    final Map<String, Network.Subnet> subnets = new LinkedHashMap<>();
    final Map<String, Network.RouteTable> tables = new LinkedHashMap<>();
    final Map<String, Network.Instance> instances = new LinkedHashMap<>();
    final Map<String, Network.SecurityGroup> groups = new LinkedHashMap<>();
    final Map<String, Network.Address> addresses = new LinkedHashMap<>();
    final Map<String, Network.NatGateway> gateways = new LinkedHashMap<>();
    private int counter;

    PlannedNetwork(long topologyId, Plan plan) {
        this.topologyId = topologyId;
        plan.actions().forEach(this::apply);
    }

    Map<String, String> tags(String logicalId) {
        return Map.of(Network.TAG_TOPOLOGY, Long.toString(topologyId), Network.TAG_LOGICAL_ID, logicalId,
                Network.TAG_MANAGED, "true", "Name", logicalId);
    }

    private String id(String prefix, String logicalId) {
        String id = prefix + "-" + (++counter);
        ids.put(logicalId, id);
        return id;
    }

    String of(String logicalId) {
        return ids.get(logicalId);
    }

    private void apply(PlanAction a) {
        String vpc = a.param("vpc") == null ? null : of(a.param("vpc"));
        switch (a.kind()) {
            case CREATE_VPC -> {
                String id = id("vpc", a.id());
                vpcs.put(id, new Network.Vpc(id, a.param("cidr"), tags(a.id())));
                String main = "rtb-main-" + id;
                tables.put(main, new Network.RouteTable(main, id, true, List.of(),
                        List.of(Network.Route.toGateway(a.param("cidr"), "local")), Map.of()));
            }
            case CREATE_SUBNET -> {
                String id = id("subnet", a.id());
                subnets.put(id, new Network.Subnet(id, vpc, a.param("availabilityZone"), a.param("cidr"), tags(a.id())));
            }
            case CREATE_INTERNET_GATEWAY -> id("igw", a.id());
            case CREATE_ROUTE_TABLE -> {
                String id = id("rtb", a.id());
                tables.put(id, new Network.RouteTable(id, vpc, false, List.of(), List.of(), tags(a.id())));
            }
            case ADOPT_MAIN_ROUTE_TABLE -> {
                Network.RouteTable main = tables.get("rtb-main-" + vpc);
                ids.put(a.id(), main.id());
                tables.put(main.id(), new Network.RouteTable(main.id(), vpc, true, main.subnetIds(), main.routes(),
                        tags(a.id())));
            }
            case ASSOCIATE_ROUTE_TABLE -> {
                Network.RouteTable t = tables.get(of(a.param("routeTable")));
                List<String> subnetIds = new ArrayList<>(t.subnetIds());
                subnetIds.add(of(a.param("subnet")));
                tables.put(t.id(), new Network.RouteTable(t.id(), t.vpcId(), t.main(), subnetIds, t.routes(), t.tags()));
            }
            case CREATE_ROUTE -> {
                Network.RouteTable t = tables.get(of(a.param("routeTable")));
                List<Network.Route> routes = new ArrayList<>(t.routes());
                String dest = a.param("destination");
                routes.add(a.param("instance") != null ? Network.Route.toInstance(dest, of(a.param("instance")))
                        : a.param("natGateway") != null ? Network.Route.toNatGateway(dest, of(a.param("natGateway")))
                                : Network.Route.toGateway(dest, of(a.param("internetGateway"))));
                tables.put(t.id(), new Network.RouteTable(t.id(), t.vpcId(), t.main(), t.subnetIds(), routes, t.tags()));
            }
            case CREATE_SECURITY_GROUP -> {
                String id = id("sg", a.id());
                groups.put(id, new Network.SecurityGroup(id, vpc, a.param("groupName"), List.of(),
                        List.of(Network.Rule.cidr("-1", -1, -1, "0.0.0.0/0")), tags(a.id())));
            }
            case REVOKE_DEFAULT_EGRESS -> {
                Network.SecurityGroup g = groups.get(of(a.param("securityGroup")));
                groups.put(g.id(), new Network.SecurityGroup(g.id(), g.vpcId(), g.name(), g.ingress(), List.of(),
                        g.tags()));
            }
            case AUTHORIZE_INGRESS, AUTHORIZE_EGRESS -> {
                Network.SecurityGroup g = groups.get(of(a.param("securityGroup")));
                Network.Rule rule = new Network.Rule(a.param("protocol"), Integer.parseInt(a.param("fromPort")),
                        Integer.parseInt(a.param("toPort")), a.param("cidr"),
                        a.param("sourceSecurityGroup") == null ? null : of(a.param("sourceSecurityGroup")));
                List<Network.Rule> in = new ArrayList<>(g.ingress());
                List<Network.Rule> out = new ArrayList<>(g.egress());
                (a.kind() == dev.natconsole.topology.ActionKind.AUTHORIZE_INGRESS ? in : out).add(rule);
                groups.put(g.id(), new Network.SecurityGroup(g.id(), g.vpcId(), g.name(), in, out, g.tags()));
            }
            case RUN_INSTANCE -> {
                String id = id("i", a.id());
                Network.Subnet subnet = subnets.get(of(a.param("subnet")));
                instances.put(id, new Network.Instance(id, subnet.vpcId(), subnet.id(), subnet.availabilityZone(),
                        a.param("instanceType"), "running", "ami-1", true,
                        List.of(new Network.NetworkInterface("eni-" + id, 0, true)), null, "10.0.0.1",
                        List.of(of(a.param("securityGroup"))), Instant.EPOCH, tags(a.id())));
            }
            case ALLOCATE_ELASTIC_IP -> {
                String id = id("eipalloc", a.id());
                addresses.put(id, new Network.Address(id, "198.51.100." + counter, null, null, tags(a.id())));
            }
            case ASSOCIATE_ELASTIC_IP -> {
                Network.Address ad = addresses.get(of(a.param("allocation")));
                addresses.put(ad.allocationId(), new Network.Address(ad.allocationId(), ad.publicIp(),
                        of(a.param("instance")), null, ad.tags()));
            }
            case DISABLE_SOURCE_DEST_CHECK -> {
                Network.Instance i = instances.get(of(a.param("instance")));
                instances.put(i.id(), NetworkFixture.withSourceDestCheck(i, false));
            }
            case CREATE_NAT_GATEWAY -> {
                String id = id("nat", a.id());
                Network.Subnet subnet = subnets.get(of(a.param("subnet")));
                gateways.put(id, new Network.NatGateway(id, subnet.vpcId(), subnet.id(), "available", "public",
                        List.of("198.51.100.200"), tags(a.id())));
            }
            default -> {
            }
        }
    }

    Network network() {
        return Network.of("ap-northeast-1", NetworkFixture.NOW, vpcs.values(), subnets.values(), tables.values(),
                instances.values(), groups.values(), addresses.values(), gateways.values(), List.of());
    }
}
