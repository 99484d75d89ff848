package dev.natconsole.inventory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.natconsole.inventory.DriftItem;
import dev.natconsole.inventory.DriftKind;
import dev.natconsole.inventory.DriftReport;
import dev.natconsole.topology.ActionKind;
import dev.natconsole.topology.Plan;
import dev.natconsole.topology.PlanAction;

/**
 * Compares a topology's {@link Plan} with a discovered {@link Network}. Resources are matched by the tags the
 * provisioning engine puts on them ({@code natconsole:topology} = the topology id, {@code natconsole:logical-id} =
 * the plan action id); steps that create nothing (routes, associations, rules, attribute changes) are checked on
 * the resources they changed. {@code appliedIds} (logical id to AWS id, as recorded when the plan was applied) is
 * optional: with it, an instance carrying the right tag but another id is reported as replaced.
 */
public final class DriftCheck {

    private static final Set<ActionKind> NOT_VISIBLE = Set.of(ActionKind.ENABLE_VPC_DNS_HOSTNAMES,
            ActionKind.CREATE_INTERNET_GATEWAY, ActionKind.ATTACH_INTERNET_GATEWAY, ActionKind.CREATE_FLOW_LOGS);

    private final long topologyId;
    private final Plan plan;
    private final Network network;
    private final Map<String, String> appliedIds;
    private final List<DriftItem> items = new ArrayList<>();

    private DriftCheck(long topologyId, Plan plan, Network network, Map<String, String> appliedIds) {
        this.topologyId = topologyId;
        this.plan = plan;
        this.network = network;
        this.appliedIds = appliedIds == null ? Map.of() : appliedIds;
    }

    public static DriftReport compare(long topologyId, long targetId, Plan plan, Network network,
            Map<String, String> appliedIds) {
        DriftCheck check = new DriftCheck(topologyId, plan, network, appliedIds);
        List<String> notChecked = plan.actions().stream().filter(a -> NOT_VISIBLE.contains(a.kind()))
                .map(PlanAction::id).toList();
        if (!check.anythingTagged()) {
            return new DriftReport(topologyId, targetId, network.region(), network.takenAt(),
                    DriftReport.Status.NOT_APPLIED, List.of(), List.of(), notChecked);
        }
        check.run();
        List<DriftItem> items = List.copyOf(check.items);
        return new DriftReport(topologyId, targetId, network.region(), network.takenAt(),
                items.isEmpty() ? DriftReport.Status.CLEAN : DriftReport.Status.DRIFTED, items,
                check.repairPlan(items), notChecked);
    }

    // --- finding resources by tag ---------------------------------------------------------------------------

    private boolean ours(Map<String, String> tags, String logicalId) {
        return String.valueOf(topologyId).equals(tags.get(Network.TAG_TOPOLOGY))
                && (logicalId == null || logicalId.equals(tags.get(Network.TAG_LOGICAL_ID)));
    }

    private boolean anythingTagged() {
        return network.vpcs().values().stream().anyMatch(v -> ours(v.tags(), null))
                || network.subnets().values().stream().anyMatch(s -> ours(s.tags(), null))
                || network.instances().values().stream().anyMatch(i -> ours(i.tags(), null))
                || network.securityGroups().values().stream().anyMatch(g -> ours(g.tags(), null))
                || network.routeTables().values().stream().anyMatch(t -> ours(t.tags(), null));
    }

    private <T> Optional<T> find(Map<String, T> resources, Function<T, Map<String, String>> tags, String logicalId) {
        return resources.values().stream().filter(r -> ours(tags.apply(r), logicalId)).findFirst();
    }

    Optional<Network.Vpc> vpc(String logicalId) {
        return find(network.vpcs(), Network.Vpc::tags, logicalId);
    }

    Optional<Network.Subnet> subnet(String logicalId) {
        return find(network.subnets(), Network.Subnet::tags, logicalId);
    }

    Optional<Network.RouteTable> routeTable(String logicalId) {
        return find(network.routeTables(), Network.RouteTable::tags, logicalId);
    }

    Optional<Network.SecurityGroup> securityGroup(String logicalId) {
        return find(network.securityGroups(), Network.SecurityGroup::tags, logicalId);
    }

    /** The live instance with the tag, else a dead one (so that a stopped NAT is told apart from a missing one). */
    Optional<Network.Instance> instance(String logicalId) {
        List<Network.Instance> tagged = network.instances().values().stream()
                .filter(i -> ours(i.tags(), logicalId) && !"terminated".equals(i.state())
                        && !"shutting-down".equals(i.state()))
                .sorted(Comparator.comparing((Network.Instance i) -> !i.alive()).thenComparing(Network.Instance::id))
                .toList();
        return tagged.stream().findFirst();
    }

    Optional<Network.Address> address(String logicalId) {
        return network.addresses().stream().filter(a -> ours(a.tags(), logicalId)).findFirst();
    }

    Optional<Network.NatGateway> natGateway(String logicalId) {
        return network.natGateways().values().stream()
                .filter(g -> ours(g.tags(), logicalId) && !"deleted".equals(g.state()) && !"deleting".equals(g.state()))
                .findFirst();
    }

    /** The AWS id of the resource a logical id names, when it exists. */
    Optional<String> physicalId(String logicalId) {
        PlanAction action = plan.action(logicalId).orElse(null);
        if (action == null) {
            return Optional.empty();
        }
        return switch (action.kind()) {
            case CREATE_VPC -> vpc(logicalId).map(Network.Vpc::id);
            case CREATE_SUBNET -> subnet(logicalId).map(Network.Subnet::id);
            case CREATE_ROUTE_TABLE -> routeTable(logicalId).map(Network.RouteTable::id);
            case ADOPT_MAIN_ROUTE_TABLE -> mainTable(action);
            case CREATE_SECURITY_GROUP -> securityGroup(logicalId).map(Network.SecurityGroup::id);
            case RUN_INSTANCE -> instance(logicalId).map(Network.Instance::id);
            case ALLOCATE_ELASTIC_IP -> address(logicalId).map(Network.Address::allocationId);
            case CREATE_NAT_GATEWAY -> natGateway(logicalId).map(Network.NatGateway::id);
            default -> Optional.empty();
        };
    }

    private Optional<String> mainTable(PlanAction action) {
        Optional<Network.RouteTable> tagged = routeTable(action.id());
        if (tagged.isPresent()) {
            return tagged.map(Network.RouteTable::id);
        }
        Optional<String> vpc = physicalId(action.param("vpc"));
        return vpc.flatMap(id -> network.routeTables().values().stream()
                .filter(t -> t.main() && t.vpcId().equals(id)).map(Network.RouteTable::id).findFirst());
    }

    // --- the comparison -------------------------------------------------------------------------------------

    private void run() {
        Map<String, List<PlanAction>> rulesByGroup = new LinkedHashMap<>();
        for (PlanAction action : plan.actions()) {
            switch (action.kind()) {
                case CREATE_SECURITY_GROUP -> {
                    rulesByGroup.computeIfAbsent(action.id(), key -> new ArrayList<>());
                    if (physicalId(action.id()).isEmpty()) {
                        missing(action, resourceType(action.kind()));
                    }
                }
                case CREATE_VPC, CREATE_SUBNET, CREATE_ROUTE_TABLE, ADOPT_MAIN_ROUTE_TABLE, ALLOCATE_ELASTIC_IP,
                        CREATE_NAT_GATEWAY -> {
                    if (physicalId(action.id()).isEmpty()) {
                        missing(action, resourceType(action.kind()));
                    }
                }
                case RUN_INSTANCE -> instance(action);
                case ASSOCIATE_ROUTE_TABLE -> association(action);
                case CREATE_ROUTE -> route(action);
                case DISABLE_SOURCE_DEST_CHECK -> sourceDestCheck(action);
                case ASSOCIATE_ELASTIC_IP -> elasticIp(action);
                case AUTHORIZE_INGRESS, AUTHORIZE_EGRESS, REVOKE_DEFAULT_EGRESS -> rulesByGroup
                        .computeIfAbsent(action.param("securityGroup"), key -> new ArrayList<>()).add(action);
                default -> {
                    // not visible to the scan: see NOT_VISIBLE
                }
            }
        }
        rulesByGroup.forEach(this::rules);
    }

    private static String resourceType(ActionKind kind) {
        return switch (kind) {
            case CREATE_VPC -> "vpc";
            case CREATE_SUBNET -> "subnet";
            case CREATE_ROUTE_TABLE, ADOPT_MAIN_ROUTE_TABLE -> "route-table";
            case CREATE_SECURITY_GROUP -> "security-group";
            case ALLOCATE_ELASTIC_IP -> "elastic-ip";
            case CREATE_NAT_GATEWAY -> "nat-gateway";
            case RUN_INSTANCE -> "instance";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }

    private void missing(PlanAction action, String type) {
        items.add(new DriftItem(DriftKind.MISSING, action.id(), type, null, action.description(), "not found",
                "No " + type + " tagged " + Network.TAG_LOGICAL_ID + "=" + action.id() + " is left in "
                        + network.region() + ": it was deleted behind the console's back. Repair creates it again"
                        + " and re-applies what depends on it.",
                List.of(action.id()), null));
    }

    private void instance(PlanAction action) {
        Optional<Network.Instance> found = instance(action.id());
        if (found.isPresent()) {
            Network.Instance instance = found.get();
            String recorded = appliedIds.get(action.id());
            if (recorded != null && !recorded.equals(instance.id())) {
                items.add(new DriftItem(DriftKind.INSTANCE_REPLACED, action.id(), "instance", instance.id(), recorded,
                        instance.id(), "Instance " + recorded + " was replaced by " + instance.id()
                                + ", which carries its tags; routes and the Elastic IP may still name the old one.",
                        List.of(action.id()), null));
            } else if (!instance.alive()) {
                items.add(new DriftItem(DriftKind.INSTANCE_STOPPED, action.id(), "instance", instance.id(), "running",
                        instance.state(), "Instance " + instance.id() + " is " + instance.state()
                                + ": every route to it drops traffic.",
                        List.of(action.id()), null));
            }
            return;
        }
        // Gone. If a planned route to it now goes to another live instance, someone replaced it by hand.
        Optional<String> replacement = plan.actions().stream()
                .filter(a -> a.kind() == ActionKind.CREATE_ROUTE && action.id().equals(a.param("instance")))
                .flatMap(a -> routeTable(a.param("routeTable")).stream()
                        .flatMap(t -> t.routes().stream().filter(r -> r.destination().equals(a.param("destination")))))
                .map(Network.Route::instanceId)
                .filter(id -> id != null && network.instances().containsKey(id)
                        && network.instances().get(id).alive())
                .findFirst();
        if (replacement.isPresent()) {
            items.add(new DriftItem(DriftKind.INSTANCE_REPLACED, action.id(), "instance", replacement.get(),
                    action.description(), replacement.get(), "The planned instance is gone and its route now goes to "
                            + replacement.get() + ", an instance the console did not launch. Repair launches the"
                            + " planned one again and points the route back at it.",
                    List.of(action.id()), null));
        } else {
            missing(action, "instance");
        }
    }

    private void association(PlanAction action) {
        Optional<String> table = physicalId(action.param("routeTable"));
        Optional<Network.Subnet> subnet = subnet(action.param("subnet"));
        if (table.isEmpty() || subnet.isEmpty()) {
            return; // reported as missing
        }
        Optional<Network.RouteTable> actual = network.routeTableOf(subnet.get());
        boolean associated = actual.map(t -> t.id().equals(table.get())).orElse(false);
        if (!associated) {
            items.add(new DriftItem(DriftKind.ASSOCIATION_CHANGED, action.id(), "subnet", subnet.get().id(),
                    table.get(), actual.map(Network.RouteTable::id).orElse("none"), "Subnet " + subnet.get().id()
                            + " should use route table " + table.get() + " but uses "
                            + actual.map(Network.RouteTable::id).orElse("none") + ".",
                    List.of(action.id()), null));
        }
    }

    private void route(PlanAction action) {
        Optional<Network.RouteTable> table = physicalId(action.param("routeTable"))
                .map(id -> network.routeTables().get(id));
        if (table.isEmpty()) {
            return;
        }
        String destination = action.param("destination");
        Optional<Network.Route> route = table.get().routes().stream()
                .filter(r -> destination.equals(r.destination())).findFirst();
        String expected;
        boolean matches;
        if (action.param("internetGateway") != null) {
            expected = "an internet gateway";
            matches = route.map(r -> r.gatewayId() != null && r.gatewayId().startsWith("igw-")).orElse(false);
        } else {
            String logical = action.param("instance") != null ? action.param("instance") : action.param("natGateway");
            Optional<String> target = physicalId(logical);
            if (target.isEmpty()) {
                if (route.isEmpty()) {
                    routeMissing(action, table.get(), "the target " + logical);
                }
                return; // the target itself is reported missing or replaced
            }
            expected = target.get();
            matches = route.map(r -> target.get().equals(r.target())).orElse(false);
        }
        if (route.isEmpty()) {
            routeMissing(action, table.get(), expected);
        } else if (!matches) {
            items.add(new DriftItem(DriftKind.ROUTE_TARGET_CHANGED, action.id(), "route-table", table.get().id(),
                    expected, route.get().target(), "Route " + destination + " in " + table.get().id()
                            + " should go to " + expected + " but goes to " + route.get().target() + ".",
                    List.of(action.id()), null));
        }
    }

    private void routeMissing(PlanAction action, Network.RouteTable table, String expected) {
        items.add(new DriftItem(DriftKind.ROUTE_MISSING, action.id(), "route-table", table.id(), expected, "no route",
                "Route table " + table.id() + " has no " + action.param("destination") + " route any more: the"
                        + " subnets it serves cannot reach the internet.",
                List.of(action.id()), null));
    }

    private void sourceDestCheck(PlanAction action) {
        instance(action.param("instance")).filter(i -> i.alive() && !i.forwards()).ifPresent(instance -> items.add(
                new DriftItem(DriftKind.SOURCE_DEST_CHECK_ENABLED, action.id(), "instance", instance.id(), "off", "on",
                        "The source/destination check of " + instance.id() + " was turned back on: it drops all the"
                                + " traffic it should forward.",
                        List.of(action.id()), null)));
    }

    private void elasticIp(PlanAction action) {
        Optional<Network.Address> address = address(action.param("allocation"));
        Optional<String> instance = physicalId(action.param("instance"));
        if (address.isEmpty() || instance.isEmpty()) {
            return;
        }
        if (!instance.get().equals(address.get().instanceId())) {
            String actual = address.get().instanceId() == null ? "not associated" : address.get().instanceId();
            items.add(new DriftItem(DriftKind.ELASTIC_IP_MOVED, action.id(), "elastic-ip",
                    address.get().allocationId(), instance.get(), actual, "Elastic IP " + address.get().publicIp()
                            + " should be on " + instance.get() + " but is " + ("not associated".equals(actual)
                                    ? "not associated" : "on " + actual) + ".",
                    List.of(action.id()), null));
        }
    }

    private record Key(String direction, String protocol, int from, int to, String peer) {
        DriftItem.Rule rule() {
            return new DriftItem.Rule(direction, protocol, from, to, peer);
        }

        @Override
        public String toString() {
            return direction + " " + ("-1".equals(protocol) ? "all traffic" : protocol + " "
                    + (from == to ? String.valueOf(from) : from + "-" + to)) + " " + peer;
        }
    }

    private static String protocol(String protocol) {
        String p = protocol == null ? "-1" : protocol.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "all" -> "-1";
            default -> p;
        };
    }

    private static Key key(String direction, Network.Rule rule) {
        String protocol = protocol(rule.protocol());
        boolean portless = "-1".equals(protocol);
        return new Key(direction, protocol, portless ? -1 : rule.fromPort(), portless ? -1 : rule.toPort(),
                rule.cidr() != null ? rule.cidr() : rule.sourceGroupId());
    }

    private void rules(String groupLogicalId, List<PlanAction> actions) {
        Optional<Network.SecurityGroup> group = securityGroup(groupLogicalId);
        if (group.isEmpty()) {
            return;
        }
        Map<Key, PlanAction> expected = new LinkedHashMap<>();
        PlanAction revokeDefault = null;
        for (PlanAction action : actions) {
            if (action.kind() == ActionKind.REVOKE_DEFAULT_EGRESS) {
                revokeDefault = action;
                continue;
            }
            String peer = action.param("cidr");
            if (peer == null && action.param("sourceSecurityGroup") != null) {
                peer = physicalId(action.param("sourceSecurityGroup")).orElse(action.param("sourceSecurityGroup"));
            }
            String protocol = protocol(action.param("protocol"));
            boolean portless = "-1".equals(protocol);
            expected.put(new Key(action.kind() == ActionKind.AUTHORIZE_INGRESS ? "ingress" : "egress", protocol,
                    portless ? -1 : Integer.parseInt(action.param("fromPort")),
                    portless ? -1 : Integer.parseInt(action.param("toPort")), peer), action);
        }
        Key defaultEgressRule = new Key("egress", "-1", -1, -1, "0.0.0.0/0");
        if (revokeDefault == null) {
            // AWS gives every new group an allow-all egress rule; a plan that does not revoke it keeps it.
            expected.putIfAbsent(defaultEgressRule, null);
        }
        Set<Key> actual = new LinkedHashSet<>();
        group.get().ingress().forEach(rule -> actual.add(key("ingress", rule)));
        group.get().egress().forEach(rule -> actual.add(key("egress", rule)));
        expected.forEach((key, action) -> {
            if (!actual.contains(key)) {
                items.add(new DriftItem(DriftKind.RULE_REMOVED, action == null ? groupLogicalId : action.id(),
                        "security-group", group.get().id(), key.toString(), "absent", "Security group "
                                + group.get().id() + " lost its rule " + key + " (" + (action == null
                                        ? "the allow-all egress AWS adds to new groups" : action.description())
                                + ").",
                        action == null ? List.of() : List.of(action.id()), key.rule()));
            }
        });
        for (Key key : actual) {
            if (expected.containsKey(key)) {
                continue;
            }
            boolean defaultEgress = revokeDefault != null && key.equals(defaultEgressRule);
            items.add(new DriftItem(DriftKind.RULE_ADDED, groupLogicalId, "security-group", group.get().id(), "absent",
                    key.toString(), "Security group " + group.get().id() + " has a rule the plan does not: " + key
                            + (defaultEgress ? " (AWS's allow-all egress, which the plan revokes)." : ". Repair"
                                    + " revokes it."),
                    defaultEgress ? List.of(revokeDefault.id()) : List.of(), key.rule()));
        }
    }

    private static final Set<ActionKind> CREATES = Set.of(ActionKind.CREATE_VPC, ActionKind.CREATE_SUBNET,
            ActionKind.CREATE_INTERNET_GATEWAY, ActionKind.CREATE_ROUTE_TABLE, ActionKind.ADOPT_MAIN_ROUTE_TABLE,
            ActionKind.CREATE_SECURITY_GROUP, ActionKind.RUN_INSTANCE, ActionKind.ALLOCATE_ELASTIC_IP,
            ActionKind.CREATE_NAT_GATEWAY);

    /**
     * The plan actions a repair re-applies, in plan order: each drifted action and, for every resource made again
     * (missing or replaced), the actions that name it in their parameters (its routes, associations, rules,
     * attribute changes), and so on through the resources those make again.
     */
    private List<String> repairPlan(List<DriftItem> items) {
        Set<String> chosen = new LinkedHashSet<>();
        for (DriftItem item : items) {
            chosen.addAll(item.repairActionIds());
            if (item.kind() == DriftKind.MISSING || item.kind() == DriftKind.INSTANCE_REPLACED) {
                item.repairActionIds().forEach(id -> chosen.addAll(referencing(id)));
            }
        }
        return plan.actions().stream().map(PlanAction::id).filter(chosen::contains).toList();
    }

    private Set<String> referencing(String id) {
        Set<String> found = new LinkedHashSet<>();
        List<String> remade = new ArrayList<>(List.of(id));
        while (!remade.isEmpty()) {
            String current = remade.remove(0);
            for (PlanAction action : plan.actions()) {
                if (action.params().containsValue(current) && found.add(action.id())
                        && CREATES.contains(action.kind())) {
                    remade.add(action.id());
                }
            }
        }
        return found;
    }
}
