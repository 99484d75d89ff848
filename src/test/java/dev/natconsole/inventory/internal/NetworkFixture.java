package dev.natconsole.inventory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made networks for unit tests: start from a healthy two-AZ VPC with a NAT instance per AZ, then break it. */
final class NetworkFixture {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final String REGION = "ap-northeast-1";
    static final String VPC = "vpc-1";
    static final String AL2023 = "ami-al2023";
    static final String LEGACY = "ami-legacy";

    final Map<String, Network.Subnet> subnets = new LinkedHashMap<>();
    final Map<String, Network.RouteTable> tables = new LinkedHashMap<>();
    final Map<String, Network.Instance> instances = new LinkedHashMap<>();
    final Map<String, Network.SecurityGroup> groups = new LinkedHashMap<>();
    final List<Network.Address> addresses = new ArrayList<>();
    final Map<String, Network.NatGateway> gateways = new LinkedHashMap<>();
    final Map<String, Network.Image> images = new LinkedHashMap<>();

    /** public-a/c (10.0.0.0/24, 10.0.2.0/24), private-a/c (10.0.1.0/24, 10.0.3.0/24) routed to nat-a/nat-c. */
    static NetworkFixture healthy() {
        NetworkFixture f = new NetworkFixture();
        f.images.put(AL2023, new Network.Image(AL2023, "al2023-ami-2023.11-kernel-6.1-arm64", "", NOW, null, "137112412989"));
        f.images.put(LEGACY, new Network.Image(LEGACY, "amzn-ami-vpc-nat-2018.03.0.20210721.0-x86_64-ebs", "", NOW,
                null, "137112412989"));
        f.subnet("subnet-pub-a", "ap-northeast-1a", "10.0.0.0/24");
        f.subnet("subnet-priv-a", "ap-northeast-1a", "10.0.1.0/24");
        f.subnet("subnet-pub-c", "ap-northeast-1c", "10.0.2.0/24");
        f.subnet("subnet-priv-c", "ap-northeast-1c", "10.0.3.0/24");
        f.table("rtb-main", true, List.of());
        f.table("rtb-pub", false, List.of("subnet-pub-a", "subnet-pub-c"), Network.Route.toGateway("0.0.0.0/0", "igw-1"));
        f.group("sg-nat", List.of(
                Network.Rule.cidr("tcp", 80, 80, "10.0.1.0/24"), Network.Rule.cidr("tcp", 443, 443, "10.0.1.0/24"),
                Network.Rule.cidr("udp", 53, 53, "10.0.0.0/16"), Network.Rule.cidr("icmp", -1, -1, "10.0.0.0/16"),
                Network.Rule.cidr("tcp", 80, 80, "10.0.3.0/24"), Network.Rule.cidr("tcp", 443, 443, "10.0.3.0/24"),
                Network.Rule.cidr("tcp", 22, 22, "203.0.113.0/24")));
        f.nat("i-nat-a", "subnet-pub-a", "ap-northeast-1a", "c6gn.medium", AL2023, "sg-nat", "198.51.100.1");
        f.nat("i-nat-c", "subnet-pub-c", "ap-northeast-1c", "c6gn.medium", AL2023, "sg-nat", "198.51.100.2");
        f.table("rtb-priv-a", false, List.of("subnet-priv-a"), Network.Route.toInstance("0.0.0.0/0", "i-nat-a"));
        f.table("rtb-priv-c", false, List.of("subnet-priv-c"), Network.Route.toInstance("0.0.0.0/0", "i-nat-c"));
        f.addresses.add(new Network.Address("eipalloc-a", "198.51.100.1", "i-nat-a", null, Map.of()));
        return f;
    }

    NetworkFixture subnet(String id, String zone, String cidr) {
        subnets.put(id, new Network.Subnet(id, VPC, zone, cidr, Map.of()));
        return this;
    }

    NetworkFixture table(String id, boolean main, List<String> subnetIds, Network.Route... routes) {
        List<Network.Route> all = new ArrayList<>(List.of(Network.Route.toGateway("10.0.0.0/16", "local")));
        all.addAll(List.of(routes));
        tables.put(id, new Network.RouteTable(id, VPC, main, subnetIds, all, Map.of()));
        return this;
    }

    NetworkFixture group(String id, List<Network.Rule> ingress) {
        groups.put(id, new Network.SecurityGroup(id, VPC, id, ingress,
                List.of(Network.Rule.cidr("tcp", 443, 443, "0.0.0.0/0")), Map.of()));
        return this;
    }

    NetworkFixture nat(String id, String subnet, String zone, String type, String image, String group, String publicIp) {
        instances.put(id, new Network.Instance(id, VPC, subnet, zone, type, "running", image, false,
                List.of(new Network.NetworkInterface("eni-" + id, 0, true)), publicIp, "10.0.0.10", List.of(group),
                NOW, Map.of("Name", id)));
        return this;
    }

    NetworkFixture replaceInstance(String id, java.util.function.UnaryOperator<Network.Instance> change) {
        instances.put(id, change.apply(instances.get(id)));
        return this;
    }

    static Network.Instance withState(Network.Instance i, String state) {
        return new Network.Instance(i.id(), i.vpcId(), i.subnetId(), i.availabilityZone(), i.instanceType(), state,
                i.imageId(), i.sourceDestCheck(), i.interfaces(), i.publicIp(), i.privateIp(), i.securityGroupIds(),
                i.launchTime(), i.tags());
    }

    static Network.Instance withSourceDestCheck(Network.Instance i, boolean on) {
        return new Network.Instance(i.id(), i.vpcId(), i.subnetId(), i.availabilityZone(), i.instanceType(),
                i.state(), i.imageId(), on, i.interfaces(), i.publicIp(), i.privateIp(), i.securityGroupIds(),
                i.launchTime(), i.tags());
    }

    static Network.Instance with(Network.Instance i, String type, String image, String publicIp) {
        return new Network.Instance(i.id(), i.vpcId(), i.subnetId(), i.availabilityZone(), type, i.state(), image,
                i.sourceDestCheck(), i.interfaces(), publicIp, i.privateIp(), i.securityGroupIds(), i.launchTime(),
                i.tags());
    }

    Network network() {
        return Network.of(REGION, NOW, List.of(new Network.Vpc(VPC, "10.0.0.0/16", Map.of())), subnets.values(),
                tables.values(), instances.values(), groups.values(), addresses, gateways.values(), images.values());
    }

    CheckContext context(double expectedMbps) {
        return new CheckContext(7, NatPaths.of(network()), expectedMbps, NOW);
    }
}
