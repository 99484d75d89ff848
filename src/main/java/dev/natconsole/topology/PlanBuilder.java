package dev.natconsole.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a valid topology design into its {@link Plan}: the seed's steps 1–10 for every AZ, then the optional
 * verification steps. Actions are emitted in the seed's order, and each only after everything it depends on,
 * so the list is itself a topological order; {@link #build} checks that before returning.
 */
public final class PlanBuilder {

    public static final String ANYWHERE = "0.0.0.0/0";

    private final TopologySpec spec;
    private final List<PlanAction> actions = new ArrayList<>();

    private PlanBuilder(TopologySpec spec) {
        this.spec = spec;
    }

    public static Plan build(TopologySpec spec) {
        PlanBuilder builder = new PlanBuilder(spec);
        builder.network();
        if (spec.natLayout().usesInstances()) {
            builder.natInstances();
        } else {
            builder.natGateways();
        }
        builder.options();
        return builder.verified();
    }

    // Logical ids: stable names that the resources are tagged with, so a retry finds what a crash left behind.
    public static String subnetId(String tier, String zone) {
        return "subnet-" + tier + "-" + zone;
    }

    public static String natId(String zone) {
        return "nat-" + zone;
    }

    public static String natGatewayId(String zone) {
        return "natgw-" + zone;
    }

    public static String privateRouteTableId(String zone) {
        return "rtb-private-" + zone;
    }

    public static final String VPC = "vpc";
    public static final String INTERNET_GATEWAY = "igw";
    public static final String IGW_ATTACHMENT = "igw-attachment";
    public static final String PUBLIC_ROUTE_TABLE = "rtb-public";
    public static final String MAIN_ROUTE_TABLE = "rtb-main";
    public static final String PUBLIC_DEFAULT_ROUTE = "route-public-default";
    public static final String NAT_SECURITY_GROUP = "sg-nat";
    public static final String TEST_SERVER_SECURITY_GROUP = "sg-test-server";
    public static final String TEST_SERVER = "test-server";
    public static final String FLOW_LOGS = "flow-logs";

    private void network() {
        add(VPC, ActionKind.CREATE_VPC, "Create VPC " + spec.vpcCidr(), null, List.of(),
                Map.of("cidr", spec.vpcCidr()));
        add("vpc-dns-hostnames", ActionKind.ENABLE_VPC_DNS_HOSTNAMES, "Turn on DNS hostnames in the VPC", null,
                List.of(VPC), Map.of("vpc", VPC));
        for (ZoneSubnets zone : spec.availabilityZones()) {
            add(subnetId("public", zone.name()), ActionKind.CREATE_SUBNET,
                    "Create public subnet " + zone.publicSubnetCidr() + " in " + zone.name(), zone.name(),
                    List.of(VPC), ordered("vpc", VPC, "cidr", zone.publicSubnetCidr(),
                            "availabilityZone", zone.name(), "tier", "public"));
            add(subnetId("private", zone.name()), ActionKind.CREATE_SUBNET,
                    "Create private subnet " + zone.privateSubnetCidr() + " in " + zone.name(), zone.name(),
                    List.of(VPC), ordered("vpc", VPC, "cidr", zone.privateSubnetCidr(),
                            "availabilityZone", zone.name(), "tier", "private"));
        }
        add(INTERNET_GATEWAY, ActionKind.CREATE_INTERNET_GATEWAY, "Create internet gateway", null, List.of(),
                Map.of());
        add(IGW_ATTACHMENT, ActionKind.ATTACH_INTERNET_GATEWAY, "Attach the internet gateway to the VPC", null,
                List.of(INTERNET_GATEWAY, VPC), ordered("internetGateway", INTERNET_GATEWAY, "vpc", VPC));
        add(PUBLIC_ROUTE_TABLE, ActionKind.CREATE_ROUTE_TABLE, "Create the public route table", null, List.of(VPC),
                ordered("vpc", VPC, "tier", "public"));
        for (ZoneSubnets zone : spec.availabilityZones()) {
            String subnet = subnetId("public", zone.name());
            add(PUBLIC_ROUTE_TABLE + "-assoc-" + zone.name(), ActionKind.ASSOCIATE_ROUTE_TABLE,
                    "Associate the public route table with the public subnet in " + zone.name(), zone.name(),
                    List.of(PUBLIC_ROUTE_TABLE, subnet), ordered("routeTable", PUBLIC_ROUTE_TABLE, "subnet", subnet));
        }
        add(PUBLIC_DEFAULT_ROUTE, ActionKind.CREATE_ROUTE, "Route 0.0.0.0/0 from the public subnets to the"
                + " internet gateway", null, List.of(PUBLIC_ROUTE_TABLE, IGW_ATTACHMENT),
                ordered("routeTable", PUBLIC_ROUTE_TABLE, "destination", ANYWHERE, "internetGateway", INTERNET_GATEWAY));
        privateRouteTables();
    }

    private void privateRouteTables() {
        if (spec.privateRouting() == PrivateRouting.MAIN_ROUTE_TABLE) {
            add(MAIN_ROUTE_TABLE, ActionKind.ADOPT_MAIN_ROUTE_TABLE,
                    "Tag the VPC's main route table, which serves the private subnets", null, List.of(VPC),
                    Map.of("vpc", VPC));
            return;
        }
        for (ZoneSubnets zone : spec.availabilityZones()) {
            String table = privateRouteTableId(zone.name());
            String subnet = subnetId("private", zone.name());
            add(table, ActionKind.CREATE_ROUTE_TABLE, "Create the private route table for " + zone.name(),
                    zone.name(), List.of(VPC), ordered("vpc", VPC, "tier", "private"));
            add(table + "-assoc", ActionKind.ASSOCIATE_ROUTE_TABLE,
                    "Associate it with the private subnet in " + zone.name(), zone.name(), List.of(table, subnet),
                    ordered("routeTable", table, "subnet", subnet));
        }
    }

    private String privateRouteTableFor(ZoneSubnets zone) {
        return spec.privateRouting() == PrivateRouting.MAIN_ROUTE_TABLE ? MAIN_ROUTE_TABLE
                : privateRouteTableId(zone.name());
    }

    private void natInstances() {
        List<String> securityGroupSteps = natSecurityGroup();
        NatInstanceSpec nat = spec.nat();
        for (ZoneSubnets zone : spec.natZones()) {
            String instance = natId(zone.name());
            String subnet = subnetId("public", zone.name());
            List<String> deps = new ArrayList<>(List.of(subnet, PUBLIC_DEFAULT_ROUTE));
            deps.addAll(securityGroupSteps);
            Map<String, String> params = ordered("role", "nat", "subnet", subnet,
                    "securityGroup", NAT_SECURITY_GROUP, "instanceType", nat.instanceType(),
                    "architecture", nat.architecture().awsName(), "image", nat.image().name());
            // A public IP at launch lets user data install packages before the Elastic IP arrives.
            params.put("publicIp", "true");
            putIfPresent(params, "amiId", nat.amiId());
            putIfPresent(params, "keyName", nat.keyPairName());
            putIfPresent(params, "userData", NatUserData.forImage(nat.image()));
            add(instance, ActionKind.RUN_INSTANCE, "Launch NAT instance (" + nat.instanceType() + ", "
                    + nat.image() + ") in the public subnet of " + zone.name(), zone.name(), deps, params);
            add("eip-" + instance, ActionKind.ALLOCATE_ELASTIC_IP, "Allocate an Elastic IP for the NAT instance in "
                    + zone.name(), zone.name(), List.of(), Map.of());
            add("eip-" + instance + "-assoc", ActionKind.ASSOCIATE_ELASTIC_IP,
                    "Associate the Elastic IP with the NAT instance in " + zone.name(), zone.name(),
                    List.of("eip-" + instance, instance), ordered("allocation", "eip-" + instance, "instance", instance));
            add(instance + "-source-dest-check", ActionKind.DISABLE_SOURCE_DEST_CHECK,
                    "Turn off the source/destination check of the NAT instance in " + zone.name(), zone.name(),
                    List.of(instance), Map.of("instance", instance));
        }
        privateDefaultRoutes((zone, table) -> {
            String instance = natId(spec.natZoneFor(zone).name());
            return new RouteTarget("instance", instance, List.of(table, instance, instance + "-source-dest-check"),
                    "the NAT instance in " + spec.natZoneFor(zone).name());
        });
    }

    /** The NAT security group as AWS recommends it; returns the ids of all its steps. */
    private List<String> natSecurityGroup() {
        List<String> steps = new ArrayList<>();
        String sg = NAT_SECURITY_GROUP;
        add(sg, ActionKind.CREATE_SECURITY_GROUP, "Create the NAT security group", null, List.of(VPC),
                ordered("vpc", VPC, "groupName", spec.name() + "-nat", "description",
                        "NAT instances of " + spec.name()));
        add(sg + "-egress-default-revoke", ActionKind.REVOKE_DEFAULT_EGRESS,
                "Remove the allow-all outbound rule AWS adds to new groups", null, List.of(sg),
                Map.of("securityGroup", sg));
        steps.add(sg + "-egress-default-revoke");
        for (ZoneSubnets zone : spec.availabilityZones()) {
            for (int port : new int[] {80, 443}) {
                steps.add(rule(ActionKind.AUTHORIZE_INGRESS, sg + "-ingress-tcp" + port + "-" + zone.name(),
                        "Allow TCP " + port + " in from the private subnet " + zone.privateSubnetCidr(), zone.name(),
                        "tcp", port, port, zone.privateSubnetCidr()));
            }
            if (spec.options().allowIcmp()) {
                steps.add(rule(ActionKind.AUTHORIZE_INGRESS, sg + "-ingress-icmp-" + zone.name(),
                        "Allow ICMP in from the private subnet " + zone.privateSubnetCidr() + " (testing)",
                        zone.name(), "icmp", -1, -1, zone.privateSubnetCidr()));
            }
        }
        if (spec.nat().sshAdminCidr() != null) {
            steps.add(rule(ActionKind.AUTHORIZE_INGRESS, sg + "-ingress-ssh", "Allow SSH in from the admin network "
                    + spec.nat().sshAdminCidr(), null, "tcp", 22, 22, spec.nat().sshAdminCidr()));
        }
        for (int port : new int[] {80, 443}) {
            steps.add(rule(ActionKind.AUTHORIZE_EGRESS, sg + "-egress-tcp" + port, "Allow TCP " + port
                    + " out to the internet", null, "tcp", port, port, ANYWHERE));
        }
        if (spec.options().allowIcmp()) {
            steps.add(rule(ActionKind.AUTHORIZE_EGRESS, sg + "-egress-icmp", "Allow ICMP out (testing)", null,
                    "icmp", -1, -1, ANYWHERE));
        }
        if (spec.options().testServer()) {
            for (ZoneSubnets zone : spec.availabilityZones()) {
                steps.add(rule(ActionKind.AUTHORIZE_EGRESS, sg + "-egress-ssh-" + zone.name(),
                        "Allow SSH out to the private subnet " + zone.privateSubnetCidr() + " (SSH through the NAT)",
                        zone.name(), "tcp", 22, 22, zone.privateSubnetCidr()));
            }
        }
        return steps;
    }

    private String rule(ActionKind kind, String id, String description, String zone, String protocol, int from,
            int to, String cidr) {
        add(id, kind, description, zone, List.of(NAT_SECURITY_GROUP), ordered("securityGroup", NAT_SECURITY_GROUP,
                "protocol", protocol, "fromPort", Integer.toString(from), "toPort", Integer.toString(to),
                "cidr", cidr, "description", description));
        return id;
    }

    private void natGateways() {
        for (ZoneSubnets zone : spec.availabilityZones()) {
            String gateway = natGatewayId(zone.name());
            String subnet = subnetId("public", zone.name());
            add("eip-" + gateway, ActionKind.ALLOCATE_ELASTIC_IP, "Allocate an Elastic IP for the NAT Gateway in "
                    + zone.name(), zone.name(), List.of(), Map.of());
            add(gateway, ActionKind.CREATE_NAT_GATEWAY, "Create a NAT Gateway in the public subnet of " + zone.name(),
                    zone.name(), List.of(subnet, "eip-" + gateway, IGW_ATTACHMENT),
                    ordered("subnet", subnet, "allocation", "eip-" + gateway));
        }
        privateDefaultRoutes((zone, table) -> new RouteTarget("natGateway", natGatewayId(zone.name()),
                List.of(table, natGatewayId(zone.name())), "the NAT Gateway in " + zone.name()));
    }

    private record RouteTarget(String param, String target, List<String> deps, String description) {
    }

    private void privateDefaultRoutes(java.util.function.BiFunction<ZoneSubnets, String, RouteTarget> targetFor) {
        Set<String> tablesRouted = new HashSet<>();
        for (ZoneSubnets zone : spec.availabilityZones()) {
            String table = privateRouteTableFor(zone);
            if (!tablesRouted.add(table)) {
                continue;
            }
            RouteTarget target = targetFor.apply(zone, table);
            String id = table.equals(MAIN_ROUTE_TABLE) ? "route-main-default"
                    : "route-private-default-" + zone.name();
            String scope = table.equals(MAIN_ROUTE_TABLE) ? "the private subnets (main route table)"
                    : "the private subnet in " + zone.name();
            add(id, ActionKind.CREATE_ROUTE, "Route 0.0.0.0/0 from " + scope + " to " + target.description(),
                    table.equals(MAIN_ROUTE_TABLE) ? null : zone.name(), target.deps(),
                    ordered("routeTable", table, "destination", ANYWHERE, target.param(), target.target()));
        }
    }

    private void options() {
        TopologyOptions options = spec.options();
        if (options.testServer()) {
            ZoneSubnets zone = spec.availabilityZones().get(0);
            String sg = TEST_SERVER_SECURITY_GROUP;
            add(sg, ActionKind.CREATE_SECURITY_GROUP, "Create the test server's security group", null, List.of(VPC),
                    ordered("vpc", VPC, "groupName", spec.name() + "-test-server", "description",
                            "Test server of " + spec.name()));
            List<String> deps = new ArrayList<>(List.of(subnetId("private", zone.name()), sg));
            String ssh = sg + "-ingress-ssh";
            Map<String, String> sshParams = ordered("securityGroup", sg, "protocol", "tcp", "fromPort", "22",
                    "toPort", "22");
            String sshDescription = "Allow SSH in from the NAT instances (the ProxyCommand hop)";
            if (spec.natLayout().usesInstances()) {
                sshParams.put("sourceSecurityGroup", NAT_SECURITY_GROUP);
                sshParams.put("description", sshDescription);
                add(ssh, ActionKind.AUTHORIZE_INGRESS, sshDescription, null, List.of(sg, NAT_SECURITY_GROUP),
                        sshParams);
                deps.add(ssh);
            }
            if (options.allowIcmp()) {
                String icmp = sg + "-ingress-icmp";
                add(icmp, ActionKind.AUTHORIZE_INGRESS, "Allow ICMP in from the VPC (testing)", null, List.of(sg),
                        ordered("securityGroup", sg, "protocol", "icmp", "fromPort", "-1", "toPort", "-1",
                                "cidr", spec.vpcCidr(), "description", "ICMP from the VPC (testing)"));
                deps.add(icmp);
            }
            // The server needs its outbound path before its boot-time package installs run.
            deps.add(spec.privateRouting() == PrivateRouting.MAIN_ROUTE_TABLE ? "route-main-default"
                    : "route-private-default-" + zone.name());
            Map<String, String> params = ordered("role", "test-server", "subnet", subnetId("private", zone.name()),
                    "securityGroup", sg, "instanceType", spec.nat().instanceType(),
                    "architecture", spec.nat().architecture().awsName(), "image", ImageChoice.AMAZON_LINUX_2023.name());
            putIfPresent(params, "keyName", spec.nat().keyPairName());
            add(TEST_SERVER, ActionKind.RUN_INSTANCE, "Launch a test server in the private subnet of " + zone.name(),
                    zone.name(), deps, params);
        }
        if (options.flowLogs()) {
            add(FLOW_LOGS, ActionKind.CREATE_FLOW_LOGS, "Turn on VPC flow logs to CloudWatch Logs", null, List.of(VPC),
                    ordered("vpc", VPC, "logGroupName", "/natconsole/" + spec.name() + "/vpc-flow-logs",
                            "deliverLogsPermissionArn", options.flowLogsRoleArn(), "trafficType", "ALL"));
        }
    }

    private void add(String id, ActionKind kind, String description, String zone, List<String> dependsOn,
            Map<String, String> params) {
        actions.add(new PlanAction(id, kind, description, zone, dependsOn, params));
    }

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static void putIfPresent(Map<String, String> params, String key, String value) {
        if (value != null) {
            params.put(key, value);
        }
    }

    private Plan verified() {
        Set<String> seen = new HashSet<>();
        for (PlanAction action : actions) {
            for (String dependency : action.dependsOn()) {
                if (!seen.contains(dependency)) {
                    throw new IllegalStateException(action.id() + " depends on " + dependency
                            + ", which is not planned before it");
                }
            }
            if (!seen.add(action.id())) {
                throw new IllegalStateException("duplicate logical id " + action.id());
            }
        }
        return new Plan(actions);
    }
}
