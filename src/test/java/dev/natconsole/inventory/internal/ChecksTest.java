package dev.natconsole.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.natconsole.inventory.Finding;
import dev.natconsole.inventory.Severity;

class ChecksTest {

    private static List<Finding> run(NetworkFixture fixture, double expectedMbps) {
        return Checks.run(fixture.context(expectedMbps));
    }

    @Test
    void aHealthyPerAzLayoutHasNoFindings() {
        assertThat(run(NetworkFixture.healthy(), 20)).isEmpty();
    }

    @Test
    void everyCheckHasAStableUniqueId() {
        assertThat(Checks.all()).extracting(HealthCheck::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z0-9-]+"));
    }

    @Test
    void sourceDestCheckOnIsAnErrorOnTheRoutedInstanceOnly() {
        NetworkFixture f = NetworkFixture.healthy()
                .replaceInstance("i-nat-a", i -> NetworkFixture.withSourceDestCheck(i, true));
        assertThat(run(f, 0)).extracting(Finding::checkId, Finding::resourceId, Finding::severity)
                .containsExactly(tuple("source-dest-check-on", "i-nat-a", Severity.ERROR));
    }

    @Test
    void aSecondaryInterfaceWithTheCheckOffMakesAForwarder() {
        Network.Instance plain = new Network.Instance("i-x", "vpc-1", "subnet-pub-a", "ap-northeast-1a", "t3.micro",
                "running", null, true, List.of(new Network.NetworkInterface("eni-1", 0, true),
                        new Network.NetworkInterface("eni-2", 1, false)), null, null, List.of(), null, Map.of());
        assertThat(plain.forwards()).isTrue();
    }

    @Test
    void aRouteToASecondaryInterfaceNeedsThatInterfacesCheckOff() {
        NetworkFixture f = NetworkFixture.healthy().replaceInstance("i-nat-c", i -> new Network.Instance(i.id(),
                i.vpcId(), i.subnetId(), i.availabilityZone(), i.instanceType(), i.state(), i.imageId(), false,
                List.of(new Network.NetworkInterface("eni-primary", 0, false),
                        new Network.NetworkInterface("eni-nat", 1, true)),
                i.publicIp(), i.privateIp(), i.securityGroupIds(), i.launchTime(), i.tags()));
        f.table("rtb-priv-c", false, List.of("subnet-priv-c"),
                new Network.Route("0.0.0.0/0", null, "i-nat-c", null, "eni-nat", "active"));
        List<Finding> findings = run(f, 0);
        assertThat(findings).extracting(Finding::checkId, Finding::resourceId)
                .containsExactly(tuple("source-dest-check-on", "i-nat-c"));
        assertThat(findings.get(0).fix()).contains("modify-network-interface-attribute --network-interface-id eni-nat");
        // The same route to the primary interface goes by the instance's own (off) value.
        f.table("rtb-priv-c", false, List.of("subnet-priv-c"),
                new Network.Route("0.0.0.0/0", null, "i-nat-c", null, "eni-primary", "active"));
        assertThat(run(f, 0)).isEmpty();
    }

    @Test
    void routesToStoppedTerminatedOrMissingInstancesAreBlackholes() {
        NetworkFixture f = NetworkFixture.healthy()
                .replaceInstance("i-nat-a", i -> NetworkFixture.withState(i, "stopped"));
        f.table("rtb-priv-c", false, List.of("subnet-priv-c"), Network.Route.toInstance("0.0.0.0/0", "i-gone"));
        List<Finding> findings = run(f, 0);
        assertThat(findings).extracting(Finding::checkId, Finding::resourceId, Finding::natPathId)
                .containsExactlyInAnyOrder(tuple("blackhole-route", "rtb-priv-a", "i-nat-a"),
                        tuple("blackhole-route", "rtb-priv-c", "i-gone"),
                        // i-nat-c is still a forwarder, but nothing routes to it any more
                        tuple("nat-not-routed", "i-nat-c", "i-nat-c"));
        assertThat(findings.get(0).explanation()).contains("is stopped");
        assertThat(NatPaths.of(f.network()).missingTargets()).containsOnlyKeys("i-gone");
    }

    @Test
    void aSubnetWithoutDefaultRouteIsFlaggedOnlyInVpcsWithANat() {
        NetworkFixture f = NetworkFixture.healthy().subnet("subnet-db", "ap-northeast-1a", "10.0.9.0/24");
        assertThat(run(f, 0)).extracting(Finding::checkId, Finding::resourceId)
                .containsExactly(tuple("no-default-route", "subnet-db"));
        NetworkFixture noNat = new NetworkFixture().subnet("subnet-db", "ap-northeast-1a", "10.0.9.0/24");
        noNat.table("rtb-main", true, List.of());
        assertThat(run(noNat, 0)).isEmpty();
    }

    @Test
    void securityGroupChecks() {
        NetworkFixture f = NetworkFixture.healthy();
        f.group("sg-tcp", List.of(Network.Rule.cidr("tcp", 443, 443, "10.0.1.0/24"),
                Network.Rule.cidr("tcp", 22, 22, "0.0.0.0/0")));
        f.group("sg-none", List.of(Network.Rule.cidr("-1", -1, -1, "192.168.0.0/16")));
        f.replaceInstance("i-nat-a", i -> new Network.Instance(i.id(), i.vpcId(), i.subnetId(), i.availabilityZone(),
                i.instanceType(), i.state(), i.imageId(), false, i.interfaces(), i.publicIp(), i.privateIp(),
                List.of("sg-tcp"), i.launchTime(), i.tags()));
        f.replaceInstance("i-nat-c", i -> new Network.Instance(i.id(), i.vpcId(), i.subnetId(), i.availabilityZone(),
                i.instanceType(), i.state(), i.imageId(), false, i.interfaces(), i.publicIp(), i.privateIp(),
                List.of("sg-none"), i.launchTime(), i.tags()));
        assertThat(run(f, 0)).extracting(Finding::checkId, Finding::resourceId, Finding::natPathId)
                .containsExactlyInAnyOrder(tuple("sg-tcp-only", "sg-tcp", "i-nat-a"),
                        tuple("ssh-open-to-world", "sg-tcp", "i-nat-a"),
                        tuple("sg-no-private-ingress", "sg-none", "i-nat-c"));
    }

    @Test
    void allTrafficFromTheWorldOpensSshToo() {
        assertThat(Network.Rule.cidr("-1", -1, -1, "0.0.0.0/0").allowsTcp(22)).isTrue();
        assertThat(Network.Rule.cidr("tcp", 20, 30, "0.0.0.0/0").allowsTcp(22)).isTrue();
        assertThat(Network.Rule.cidr("tcp", 443, 443, "0.0.0.0/0").allowsTcp(22)).isFalse();
        assertThat(Network.Rule.cidr("udp", 22, 22, "0.0.0.0/0").allowsTcp(22)).isFalse();
    }

    @Test
    void noPublicIpEolImageAndBurstableBaseline() {
        NetworkFixture f = NetworkFixture.healthy()
                .replaceInstance("i-nat-c", i -> NetworkFixture.with(i, "t4g.nano", NetworkFixture.AL2023, null))
                .replaceInstance("i-nat-a", i -> NetworkFixture.with(i, "c6gn.medium", NetworkFixture.LEGACY,
                        i.publicIp()));
        assertThat(run(f, 100)).extracting(Finding::checkId, Finding::resourceId)
                .containsExactlyInAnyOrder(tuple("no-public-ip", "i-nat-c"), tuple("burstable-baseline", "i-nat-c"),
                        tuple("end-of-life-image", "i-nat-a"));
        // 30 Mbit/s fits a t4g.nano's 32 Mbit/s baseline; an unknown traffic (0) never fires the check.
        assertThat(run(f, 30)).extracting(Finding::checkId).doesNotContain("burstable-baseline");
        assertThat(run(f, 0)).extracting(Finding::checkId).doesNotContain("burstable-baseline");
    }

    @Test
    void anElasticIpCountsAsAPublicAddress() {
        NetworkFixture f = NetworkFixture.healthy()
                .replaceInstance("i-nat-a", i -> NetworkFixture.with(i, i.instanceType(), i.imageId(), null));
        assertThat(run(f, 0)).isEmpty();
    }

    @Test
    void oneNatForTwoZonesIsASinglePointOfFailure() {
        NetworkFixture f = NetworkFixture.healthy();
        f.table("rtb-priv-c", false, List.of("subnet-priv-c"), Network.Route.toInstance("0.0.0.0/0", "i-nat-a"));
        f.instances.remove("i-nat-c");
        List<Finding> findings = run(f, 0);
        assertThat(findings).extracting(Finding::checkId, Finding::resourceId)
                .containsExactly(tuple("nat-serves-several-azs", "i-nat-a"));
        assertThat(findings.get(0).explanation()).contains("ap-northeast-1a, ap-northeast-1c");
    }

    @Test
    void natGatewaysAreCheckedForZonesAndBlackholes() {
        NetworkFixture f = NetworkFixture.healthy();
        f.instances.clear();
        f.addresses.clear();
        f.gateways.put("nat-1", new Network.NatGateway("nat-1", "vpc-1", "subnet-pub-a", "available", "public",
                List.of("198.51.100.9"), Map.of()));
        f.gateways.put("nat-2", new Network.NatGateway("nat-2", "vpc-1", "subnet-pub-c", "failed", "public",
                List.of(), Map.of()));
        f.table("rtb-priv-a", false, List.of("subnet-priv-a"), Network.Route.toNatGateway("0.0.0.0/0", "nat-1"));
        f.table("rtb-priv-c", false, List.of("subnet-priv-c"), Network.Route.toNatGateway("0.0.0.0/0", "nat-2"));
        assertThat(run(f, 0)).extracting(Finding::checkId, Finding::resourceId).containsExactly(
                tuple("blackhole-route", "rtb-priv-c"));
        f.table("rtb-priv-c", false, List.of("subnet-priv-c"), Network.Route.toNatGateway("0.0.0.0/0", "nat-1"));
        assertThat(run(f, 0)).extracting(Finding::checkId, Finding::resourceId).containsExactly(
                tuple("nat-serves-several-azs", "nat-1"));
    }

    @Test
    void theMainTableServesUnassociatedSubnets() {
        NetworkFixture f = NetworkFixture.healthy();
        f.table("rtb-main", true, List.of(), Network.Route.toInstance("0.0.0.0/0", "i-nat-a"));
        f.subnet("subnet-app", "ap-northeast-1a", "10.0.4.0/24");
        NatPaths paths = NatPaths.of(f.network());
        assertThat(paths.get("i-nat-a").orElseThrow().servedSubnets()).extracting(Network.Subnet::id)
                .containsExactlyInAnyOrder("subnet-priv-a", "subnet-app");
    }
}
