package dev.natconsole.inventory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.natconsole.inventory.Finding;
import dev.natconsole.inventory.Severity;
import dev.natconsole.topology.Cidr;
import dev.natconsole.topology.InstanceType;
import dev.natconsole.topology.InstanceTypes;

/**
 * The NAT health checks. Each is a small class; {@link #all()} lists them in the order a user should read
 * them, and {@link #run} runs them all. A check never looks at a dead instance except to say it is dead:
 * a stopped or terminated NAT is reported once, as the blackhole its routes now are.
 */
public final class Checks {

    private static final List<HealthCheck> ALL = List.of(new SourceDestCheckOn(), new BlackholeRoute(),
            new NoDefaultRoute(), new NoPrivateIngress(), new TcpOnlyIngress(), new SshOpenToWorld(),
            new NoPublicIp(), new SharedAcrossZones(), new EndOfLifeImage(), new DeprecatedImage(),
            new BurstableBaseline(), new UnusedForwarder());

    private Checks() {
    }

    public static List<HealthCheck> all() {
        return ALL;
    }

    /** Every finding of every check, worst first, then by resource. */
    public static List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        ALL.forEach(check -> findings.addAll(check.run(context)));
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::checkId)
                .thenComparing(Finding::resourceId));
        return List.copyOf(findings);
    }

    static List<NatPaths.NatPath> liveInstances(CheckContext context) {
        return context.paths().instances().stream().filter(path -> path.instance().alive()).toList();
    }

    static String name(Network.Instance instance) {
        String name = instance.tags().get("Name");
        return name == null || name.isBlank() ? instance.id() : instance.id() + " (" + name + ")";
    }

    /**
     * The source/destination check must be off, or the instance drops every packet not addressed to it: on the
     * instance (which is its primary interface's value on AWS) or, for routes that name a secondary interface, on
     * that interface.
     */
    static final class SourceDestCheckOn implements HealthCheck {
        public String id() {
            return "source-dest-check-on";
        }

        public Severity severity() {
            return Severity.ERROR;
        }

        public List<Finding> run(CheckContext context) {
            List<Finding> findings = new ArrayList<>();
            for (NatPaths.NatPath path : liveInstances(context)) {
                Network.Instance instance = path.instance();
                Set<String> checking = new java.util.TreeSet<>();
                for (Network.RouteTable table : path.routeTables()) {
                    Network.Route route = table.defaultRoute().orElseThrow();
                    Optional<Network.NetworkInterface> secondary = instance.interfaces().stream()
                            .filter(eni -> eni.deviceIndex() > 0 && eni.id().equals(route.networkInterfaceId()))
                            .findFirst();
                    if (secondary.isPresent() ? secondary.get().sourceDestCheck() : instance.sourceDestCheck()) {
                        checking.add(secondary.map(Network.NetworkInterface::id).orElse(instance.id()));
                    }
                }
                if (checking.isEmpty()) {
                    continue;
                }
                String where = checking.contains(instance.id()) ? "its source/destination check is on"
                        : "the source/destination check of its interface " + String.join(", ", checking) + " is on";
                String fix = checking.stream().map(id -> id.startsWith("eni-")
                        ? "aws ec2 modify-network-interface-attribute --network-interface-id " + id
                                + " --no-source-dest-check"
                        : "aws ec2 modify-instance-attribute --instance-id " + id + " --no-source-dest-check")
                        .collect(Collectors.joining("; "));
                findings.add(context.finding(this, "Source/destination check is still on",
                        "Route tables send the internet traffic of " + path.servedSubnets().size()
                                + " subnet(s) to " + name(instance) + ", but " + where + ", so it drops every"
                                + " packet that is not addressed to itself: those subnets have no way out.",
                        "Turn it off: " + fix + ".",
                        path.vpcId(), "instance", path.id(), path.id()));
            }
            return findings;
        }
    }

    /**
     * A route to a stopped, terminated or missing instance, or to a NAT Gateway that failed or is deleted. Computed
     * from the target's state: AWS marks such routes blackhole, emulators never do.
     */
    static final class BlackholeRoute implements HealthCheck {
        public String id() {
            return "blackhole-route";
        }

        public Severity severity() {
            return Severity.ERROR;
        }

        public List<Finding> run(CheckContext context) {
            Network network = context.network();
            List<Finding> findings = new ArrayList<>();
            network.routeTables().values().stream().sorted(Comparator.comparing(Network.RouteTable::id))
                    .forEach(table -> table.routes().forEach(route -> reason(network, route).ifPresent(reason -> {
                        String target = route.target();
                        findings.add(context.finding(this, "Route " + route.destination() + " is a blackhole",
                                "Route table " + table.id() + " sends " + route.destination() + " to " + target
                                        + ", which " + reason + ". Traffic of the "
                                        + network.subnetsServedBy(table).size()
                                        + " subnet(s) it serves is dropped.",
                                "Start or replace the NAT and point the route at it: aws ec2 replace-route"
                                        + " --route-table-id " + table.id() + " --destination-cidr-block "
                                        + route.destination() + " --instance-id <a running NAT instance>"
                                        + " (or --nat-gateway-id).",
                                table.vpcId(), "route-table", table.id(), target));
                    })));
            return findings;
        }

        private static Optional<String> reason(Network network, Network.Route route) {
            if (route.instanceId() != null) {
                Network.Instance instance = network.instances().get(route.instanceId());
                if (instance == null) {
                    return Optional.of("no longer exists");
                }
                return instance.alive() ? Optional.empty() : Optional.of("is " + instance.state());
            }
            if (route.networkInterfaceId() != null && route.natGatewayId() == null) {
                Optional<Network.Instance> instance = network.instanceWithInterface(route.networkInterfaceId());
                if (instance.isPresent() && !instance.get().alive()) {
                    return Optional.of("is attached to " + instance.get().id() + ", which is "
                            + instance.get().state());
                }
            }
            if (route.natGatewayId() != null) {
                Network.NatGateway gateway = network.natGateways().get(route.natGatewayId());
                if (gateway == null) {
                    return Optional.of("no longer exists");
                }
                return gateway.alive() ? Optional.empty() : Optional.of("is " + gateway.state());
            }
            return "blackhole".equals(route.state()) ? Optional.of("AWS reports as a blackhole") : Optional.empty();
        }
    }

    /** In a VPC that has a NAT, a subnet whose route table has no default route cannot reach the internet at all. */
    static final class NoDefaultRoute implements HealthCheck {
        public String id() {
            return "no-default-route";
        }

        public Severity severity() {
            return Severity.WARNING;
        }

        public List<Finding> run(CheckContext context) {
            Network network = context.network();
            Set<String> vpcs = context.paths().vpcsWithNat();
            return network.subnets().values().stream()
                    .filter(subnet -> vpcs.contains(subnet.vpcId()))
                    .sorted(Comparator.comparing(Network.Subnet::id))
                    .filter(subnet -> network.routeTableOf(subnet).flatMap(Network.RouteTable::defaultRoute).isEmpty())
                    .map(subnet -> context.finding(this, "Subnet has no default route",
                            "Subnet " + subnet.id() + " (" + subnet.cidr() + ", " + subnet.availabilityZone()
                                    + ") uses route table " + network.routeTableOf(subnet).map(Network.RouteTable::id)
                                            .orElse("(none)")
                                    + ", which has no 0.0.0.0/0 route, although its VPC has a NAT: servers there"
                                    + " cannot reach the internet. Fine for an isolated subnet on purpose.",
                            "Associate the subnet with the private route table of its AZ, or add 0.0.0.0/0 to"
                                    + " its table pointing at the AZ's NAT.",
                            subnet.vpcId(), "subnet", subnet.id(), null))
                    .toList();
        }
    }

    /** Whether the rule's IPv4 block contains the subnet's block. Rules naming a group are given the benefit of doubt. */
    static boolean covers(Network.Rule rule, Network.Subnet subnet) {
        if (rule.sourceGroupId() != null && rule.sourceGroupId().startsWith("sg-")) {
            return true;
        }
        Optional<Cidr> block = Cidr.parse(rule.cidr());
        Optional<Cidr> target = Cidr.parse(subnet.cidr());
        return block.isPresent() && target.isPresent() && block.get().contains(target.get());
    }

    /** The served subnets, outside the NAT's own subnet, whose traffic has to enter the NAT. */
    static List<Network.Subnet> privateSubnets(NatPaths.NatPath path) {
        return path.servedSubnets().stream()
                .filter(subnet -> path.instance() == null || !subnet.id().equals(path.instance().subnetId()))
                .toList();
    }

    static List<Network.Rule> ingress(CheckContext context, Network.Instance instance) {
        return context.groupsOf(instance).stream().flatMap(group -> group.ingress().stream()).toList();
    }

    static String groupId(CheckContext context, Network.Instance instance) {
        return instance.securityGroupIds().isEmpty() ? instance.id() : instance.securityGroupIds().get(0);
    }

    /** Without ingress from the private subnets, the NAT never sees their traffic. */
    static final class NoPrivateIngress implements HealthCheck {
        public String id() {
            return "sg-no-private-ingress";
        }

        public Severity severity() {
            return Severity.ERROR;
        }

        public List<Finding> run(CheckContext context) {
            List<Finding> findings = new ArrayList<>();
            for (NatPaths.NatPath path : liveInstances(context)) {
                List<Network.Rule> rules = ingress(context, path.instance());
                List<Network.Subnet> uncovered = privateSubnets(path).stream()
                        .filter(subnet -> rules.stream().noneMatch(rule -> covers(rule, subnet))).toList();
                if (!uncovered.isEmpty()) {
                    String blocks = uncovered.stream().map(Network.Subnet::cidr).distinct()
                            .collect(Collectors.joining(", "));
                    findings.add(context.finding(this, "No ingress from the private subnets",
                            "The security groups of NAT " + name(path.instance()) + " let nothing in from " + blocks
                                    + ", the subnet(s) it serves, so their outbound traffic never reaches it.",
                            "Allow at least TCP 80 and 443 (and UDP/ICMP if they need DNS, NTP or ping) from "
                                    + blocks + " in security group " + groupId(context, path.instance()) + ".",
                            path.vpcId(), path.instance().securityGroupIds().isEmpty() ? "instance" : "security-group",
                            groupId(context, path.instance()), path.id()));
                }
            }
            return findings;
        }
    }

    /** A group that lets only TCP in from the private subnets silently breaks DNS to outside resolvers, NTP and ping. */
    static final class TcpOnlyIngress implements HealthCheck {
        public String id() {
            return "sg-tcp-only";
        }

        public Severity severity() {
            return Severity.WARNING;
        }

        public List<Finding> run(CheckContext context) {
            List<Finding> findings = new ArrayList<>();
            for (NatPaths.NatPath path : liveInstances(context)) {
                List<Network.Subnet> subnets = privateSubnets(path);
                List<Network.Rule> fromPrivate = ingress(context, path.instance()).stream()
                        .filter(rule -> subnets.stream().anyMatch(subnet -> covers(rule, subnet))).toList();
                boolean tcpOnly = !fromPrivate.isEmpty() && fromPrivate.stream()
                        .allMatch(rule -> "tcp".equals(rule.protocol()) || "6".equals(rule.protocol()));
                if (tcpOnly) {
                    findings.add(context.finding(this, "Only TCP is allowed in from the private subnets",
                            "NAT " + name(path.instance()) + " accepts only TCP from the subnets it serves ("
                                    + fromPrivate.stream().map(Network.Rule::toString).collect(Collectors.joining("; "))
                                    + "). UDP (DNS to outside resolvers, NTP) and ICMP (ping, path MTU discovery)"
                                    + " are silently dropped.",
                            "If the private servers need them, allow UDP 53/123 and ICMP from the private subnets"
                                    + " in security group " + groupId(context, path.instance()) + ".",
                            path.vpcId(), "security-group", groupId(context, path.instance()), path.id()));
                }
            }
            return findings;
        }
    }

    /** SSH reachable from the whole internet on the box all private traffic goes through. */
    static final class SshOpenToWorld implements HealthCheck {
        public String id() {
            return "ssh-open-to-world";
        }

        public Severity severity() {
            return Severity.ERROR;
        }

        public List<Finding> run(CheckContext context) {
            List<Finding> findings = new ArrayList<>();
            for (NatPaths.NatPath path : liveInstances(context)) {
                for (Network.SecurityGroup group : context.groupsOf(path.instance())) {
                    List<Network.Rule> open = group.ingress().stream()
                            .filter(rule -> ("0.0.0.0/0".equals(rule.cidr()) || "::/0".equals(rule.cidr()))
                                    && rule.allowsTcp(22))
                            .toList();
                    if (!open.isEmpty()) {
                        findings.add(context.finding(this, "SSH is open to the whole internet",
                                "Security group " + group.id() + " (" + group.name() + ") of NAT "
                                        + name(path.instance()) + " lets anyone try SSH (" + open.stream()
                                                .map(Network.Rule::toString).collect(Collectors.joining("; "))
                                        + "). Every private server's traffic goes through this instance.",
                                "Allow TCP 22 only from your administrators' network, or drop SSH and use SSM"
                                        + " Session Manager.",
                                path.vpcId(), "security-group", group.id(), path.id()));
                    }
                }
            }
            return findings;
        }
    }

    /** A NAT instance without a public address cannot send anything to the internet. */
    static final class NoPublicIp implements HealthCheck {
        public String id() {
            return "no-public-ip";
        }

        public Severity severity() {
            return Severity.ERROR;
        }

        public List<Finding> run(CheckContext context) {
            return liveInstances(context).stream()
                    .filter(path -> path.routed() && path.instance().publicIp() == null
                            && context.network().addresses().stream()
                                    .noneMatch(address -> path.id().equals(address.instanceId())))
                    .map(path -> context.finding(this, "NAT instance has no public IP",
                            "NAT " + name(path.instance()) + " has neither a public IP nor an Elastic IP, so the"
                                    + " traffic it forwards cannot reach the internet.",
                            "Allocate an Elastic IP and associate it: aws ec2 allocate-address --domain vpc, then"
                                    + " aws ec2 associate-address --instance-id " + path.id()
                                    + " --allocation-id <eipalloc-...>.",
                            path.vpcId(), "instance", path.id(), path.id()))
                    .toList();
        }
    }

    /** One NAT for several AZs: a single point of failure for all of them, and inter-AZ data charges. */
    static final class SharedAcrossZones implements HealthCheck {
        public String id() {
            return "nat-serves-several-azs";
        }

        public Severity severity() {
            return Severity.WARNING;
        }

        public List<Finding> run(CheckContext context) {
            List<Finding> findings = new ArrayList<>();
            for (NatPaths.NatPath path : context.paths().all()) {
                boolean alive = path.instance() != null ? path.instance().alive() : path.gateway().alive();
                Set<String> zones = new LinkedHashSet<>(path.servedZones());
                Set<String> foreign = new LinkedHashSet<>(zones);
                foreign.remove(path.availabilityZone());
                if (!alive || zones.size() < 2 && foreign.isEmpty()) {
                    continue;
                }
                String what = path.kind() == NatPaths.Kind.INSTANCE ? "NAT instance " + name(path.instance())
                        : "NAT Gateway " + path.id();
                findings.add(context.finding(this, "One NAT serves several availability zones",
                        what + " in " + path.availabilityZone() + " serves subnets in " + String.join(", ", zones)
                                + ". If it or its AZ fails, all of them lose their way out, and traffic from "
                                + String.join(", ", foreign) + " pays inter-AZ charges ($0.01/GB each way).",
                        "Run one NAT per AZ and point each AZ's private route table at the NAT in the same AZ.",
                        path.vpcId(), path.kind() == NatPaths.Kind.INSTANCE ? "instance" : "nat-gateway", path.id(),
                        path.id()));
            }
            return findings;
        }
    }

    static Optional<Network.Image> image(CheckContext context, Network.Instance instance) {
        return Optional.ofNullable(instance.imageId() == null ? null : context.network().images().get(instance.imageId()));
    }

    /** Amazon Linux AMI (2018.03), which amzn-ami-vpc-nat is built on, is out of support since 2023-12-31. */
    static boolean endOfLife(Network.Image image) {
        String name = image.name() == null ? "" : image.name().toLowerCase(Locale.ROOT);
        return name.startsWith("amzn-ami-vpc-nat") || name.startsWith("amzn-ami-hvm")
                || name.startsWith("amzn-ami-minimal");
    }

    static final class EndOfLifeImage implements HealthCheck {
        public String id() {
            return "end-of-life-image";
        }

        public Severity severity() {
            return Severity.WARNING;
        }

        public List<Finding> run(CheckContext context) {
            return liveInstances(context).stream()
                    .filter(path -> image(context, path.instance()).filter(Checks::endOfLife).isPresent())
                    .map(path -> context.finding(this, "End-of-life image",
                            "NAT " + name(path.instance()) + " runs " + image(context, path.instance()).get().name()
                                    + ", Amazon Linux AMI 2018.03, whose support ended on 2023-12-31: it gets no"
                                    + " security updates.",
                            "Replace it with an Amazon Linux 2023 instance made a NAT by user data, or the"
                                    + " fck-nat AMI; move the Elastic IP and the routes to the new instance.",
                            path.vpcId(), "instance", path.id(), path.id()))
                    .toList();
        }
    }

    static final class DeprecatedImage implements HealthCheck {
        public String id() {
            return "image-deprecated";
        }

        public Severity severity() {
            return Severity.INFO;
        }

        public List<Finding> run(CheckContext context) {
            return liveInstances(context).stream()
                    .filter(path -> image(context, path.instance())
                            .filter(image -> !endOfLife(image) && image.deprecationTime() != null
                                    && !image.deprecationTime().isAfter(context.now()))
                            .isPresent())
                    .map(path -> {
                        Network.Image image = image(context, path.instance()).get();
                        return context.finding(this, "Deprecated image",
                                "NAT " + name(path.instance()) + " runs " + image.id() + " (" + image.name()
                                        + "), deprecated since " + image.deprecationTime() + ". A replacement"
                                        + " launched from the same image id may fail to find it.",
                                "Move to a current image on the next replacement.",
                                path.vpcId(), "instance", path.id(), path.id());
                    })
                    .toList();
        }
    }

    /** Burstable types fall back to their baseline bandwidth once their credits are spent. */
    static final class BurstableBaseline implements HealthCheck {
        public String id() {
            return "burstable-baseline";
        }

        public Severity severity() {
            return Severity.WARNING;
        }

        public List<Finding> run(CheckContext context) {
            if (context.expectedMbps() <= 0) {
                return List.of();
            }
            List<Finding> findings = new ArrayList<>();
            for (NatPaths.NatPath path : liveInstances(context)) {
                Optional<InstanceType> type = InstanceTypes.find(path.instance().instanceType());
                if (type.isPresent() && type.get().burstable() && !type.get().baselineCarries(context.expectedMbps())) {
                    findings.add(context.finding(this, "Baseline bandwidth below the expected traffic",
                            "NAT " + name(path.instance()) + " is a " + type.get().name() + ", whose baseline is "
                                    + type.get().baselineMbps() + " Mbit/s; it bursts to " + type.get().burstMbps()
                                    + " Mbit/s only while credits last. The expected traffic is "
                                    + Math.round(context.expectedMbps()) + " Mbit/s.",
                            "Pick a type whose baseline carries the traffic (for example c6gn.medium, "
                                    + InstanceTypes.get("c6gn.medium").baselineMbps() + " Mbit/s), or one NAT per AZ"
                                    + " to split the load.",
                            path.vpcId(), "instance", path.id(), path.id()));
                }
            }
            return findings;
        }
    }

    /** An instance that forwards traffic but that no default route uses: a NAT left behind, still billed. */
    static final class UnusedForwarder implements HealthCheck {
        public String id() {
            return "nat-not-routed";
        }

        public Severity severity() {
            return Severity.INFO;
        }

        public List<Finding> run(CheckContext context) {
            return liveInstances(context).stream().filter(path -> !path.routed())
                    .map(path -> context.finding(this, "Not used by any route",
                            "Instance " + name(path.instance()) + " has its source/destination check off, but no"
                                    + " route table sends 0.0.0.0/0 to it. It may be a NAT left behind (still"
                                    + " billed) or a standby.",
                            "Point a private route table at it, or stop it if it is not needed.",
                            path.vpcId(), "instance", path.id(), path.id()))
                    .toList();
        }
    }
}
