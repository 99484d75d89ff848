package dev.natconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.natconsole.shared.FieldProblem;
import dev.natconsole.topology.TopologyValidator.ZoneLookup;

class TopologyValidatorTest {

    private final TopologyValidator validator = new TopologyValidator();
    private final ZoneLookup tokyo = region -> Optional.of(List.of("ap-northeast-1a", "ap-northeast-1c",
            "ap-northeast-1d"));

    private TopologySpec seed() {
        return TopologyDefaults.seed("seed", null, "ap-northeast-1", List.of("ap-northeast-1a", "ap-northeast-1c"));
    }

    private List<String> errorFields(TopologySpec spec) {
        return validator.validate(TopologyDefaults.complete(spec), tokyo).errors().stream()
                .map(FieldProblem::field).toList();
    }

    private TopologySpec withZones(TopologySpec spec, UnaryOperator<List<ZoneSubnets>> change) {
        return new TopologySpec(spec.name(), spec.targetId(), spec.region(), spec.vpcCidr(),
                change.apply(new ArrayList<>(spec.availabilityZones())), spec.natLayout(), spec.privateRouting(),
                spec.nat(), spec.options());
    }

    private TopologySpec withNat(TopologySpec spec, NatInstanceSpec nat) {
        return new TopologySpec(spec.name(), spec.targetId(), spec.region(), spec.vpcCidr(),
                spec.availabilityZones(), spec.natLayout(), spec.privateRouting(), nat, spec.options());
    }

    private TopologySpec withVpc(TopologySpec spec, String vpcCidr) {
        return new TopologySpec(spec.name(), spec.targetId(), spec.region(), vpcCidr, spec.availabilityZones(),
                spec.natLayout(), spec.privateRouting(), spec.nat(), spec.options());
    }

    @Test
    void theSeedIsValidAndUsesItsBlocks() {
        TopologySpec seed = seed();
        ValidationReport report = validator.validate(seed, tokyo);
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(seed.availabilityZones()).containsExactly(
                new ZoneSubnets("ap-northeast-1a", "172.16.0.0/24", "172.16.1.0/24"),
                new ZoneSubnets("ap-northeast-1c", "172.16.2.0/24", "172.16.3.0/24"));
    }

    @Test
    void vpcMustBeBetweenSlash16AndSlash28() {
        assertThat(errorFields(withVpc(seed(), "10.0.0.0/8"))).contains("vpcCidr");
        assertThat(errorFields(withVpc(seed(), "10.0.0.0/29"))).contains("vpcCidr");
        assertThat(errorFields(withVpc(seed(), "172.16.0.0/15"))).contains("vpcCidr");
    }

    @Test
    void malformedCidrIsNamed() {
        assertThat(errorFields(withVpc(seed(), "172.16.0.0/1x"))).containsExactly("vpcCidr");
        assertThat(errorFields(withZones(seed(), zones -> {
            zones.set(1, new ZoneSubnets("ap-northeast-1c", "172.16.300.0/24", "172.16.3.0/24"));
            return zones;
        }))).containsExactly("availabilityZones[1].publicSubnetCidr");
    }

    @Test
    void subnetsMustBeInsideTheVpcLargeEnoughAndDisjoint() {
        assertThat(errorFields(withZones(seed(), zones -> {
            zones.set(0, new ZoneSubnets("ap-northeast-1a", "10.0.0.0/24", "172.16.1.0/24"));
            return zones;
        }))).containsExactly("availabilityZones[0].publicSubnetCidr");
        assertThat(errorFields(withZones(seed(), zones -> {
            zones.set(1, new ZoneSubnets("ap-northeast-1c", "172.16.1.0/25", "172.16.3.0/24"));
            return zones;
        }))).containsExactly("availabilityZones[1].publicSubnetCidr");
        assertThat(errorFields(withZones(seed(), zones -> {
            zones.set(1, new ZoneSubnets("ap-northeast-1c", "172.16.2.0/29", "172.16.3.0/24"));
            return zones;
        }))).containsExactly("availabilityZones[1].publicSubnetCidr");
    }

    @Test
    void outsideRfc1918IsAWarningNotAnError() {
        TopologySpec spec = TopologyDefaults.complete(withZones(withVpc(seed(), "100.64.0.0/16"),
                zones -> zones.stream().map(zone -> new ZoneSubnets(zone.name(), null, null)).toList()));
        ValidationReport report = validator.validate(spec, tokyo);
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(FieldProblem::field).containsExactly("vpcCidr");
    }

    @Test
    void zonesMustBelongToTheRegionAndNumberOneToSix() {
        assertThat(errorFields(withZones(seed(), zones -> {
            zones.set(1, new ZoneSubnets("us-east-1a", "172.16.2.0/24", "172.16.3.0/24"));
            return zones;
        }))).containsExactly("availabilityZones[1].name");
        // Shaped right but not one the target has.
        assertThat(errorFields(withZones(seed(), zones -> {
            zones.set(1, new ZoneSubnets("ap-northeast-1b", "172.16.2.0/24", "172.16.3.0/24"));
            return zones;
        }))).containsExactly("availabilityZones[1].name");
        assertThat(errorFields(withZones(seed(), zones -> List.of()))).containsExactly("availabilityZones");
        List<ZoneSubnets> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seven.add(new ZoneSubnets("ap-northeast-1" + (char) ('a' + i), null, null));
        }
        TopologySpec tooMany = TopologyDefaults.complete(withZones(seed(), zones -> seven));
        assertThat(validator.validate(tooMany, ZoneLookup.unavailable()).errors()).extracting(FieldProblem::field)
                .containsExactly("availabilityZones");
    }

    @Test
    void withoutAReachableTargetZonesAreCheckedByShapeAndAWarningSaysSo() {
        ValidationReport report = validator.validate(seed(), ZoneLookup.unavailable());
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(FieldProblem::field).containsExactly("availabilityZones");
    }

    @Test
    void sshFromTheWholeInternetNeedsExplicitConfirmation() {
        NatInstanceSpec open = new NatInstanceSpec("t4g.nano", ImageChoice.AMAZON_LINUX_2023, null, "0.0.0.0/0",
                false, null);
        assertThat(errorFields(withNat(seed(), open))).containsExactly("nat.sshAdminCidr");
        NatInstanceSpec confirmed = new NatInstanceSpec("t4g.nano", ImageChoice.AMAZON_LINUX_2023, null,
                "0.0.0.0/0", true, null);
        ValidationReport report = validator.validate(TopologyDefaults.complete(withNat(seed(), confirmed)), tokyo);
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(FieldProblem::field).containsExactly("nat.sshAdminCidr");
    }

    @Test
    void instanceTypeMustBeKnownAndFitTheImage() {
        assertThat(errorFields(withNat(seed(), new NatInstanceSpec("m5.huge", ImageChoice.AMAZON_LINUX_2023, null,
                null, false, null)))).containsExactly("nat.instanceType");
        assertThat(errorFields(withNat(seed(), new NatInstanceSpec("t4g.nano",
                ImageChoice.LEGACY_AMZN_AMI_VPC_NAT, null, null, false, null)))).containsExactly("nat.instanceType");
        assertThat(errorFields(withNat(seed(), new NatInstanceSpec("t3.micro", ImageChoice.CUSTOM_AMI, null, null,
                false, null)))).containsExactly("nat.amiId");
    }

    @Test
    void theLegacyImageIsFlaggedEndOfLife() {
        TopologySpec legacy = TopologyDefaults.complete(withNat(seed(), new NatInstanceSpec("t3.micro",
                ImageChoice.LEGACY_AMZN_AMI_VPC_NAT, null, null, false, null)));
        assertThat(validator.validate(legacy, tokyo).warnings()).extracting(FieldProblem::message)
                .anySatisfy(message -> assertThat(message).contains("end-of-life"));
    }

    @Test
    void mainRouteTableNeedsASharedNat() {
        TopologySpec spec = new TopologySpec("seed", null, "ap-northeast-1", "172.16.0.0/16", seed()
                .availabilityZones(), NatLayout.NAT_INSTANCE_PER_AZ, PrivateRouting.MAIN_ROUTE_TABLE, null, null);
        assertThat(errorFields(spec)).containsExactly("privateRouting");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        TopologySpec spec = new TopologySpec("", null, "ap-northeast-1", "10.0.0.0/8", List.of(),
                null, null, new NatInstanceSpec("x1.nope", null, null, "0.0.0.0/0", false, null), null);
        assertThat(errorFields(spec)).containsExactlyInAnyOrder("name", "vpcCidr", "availabilityZones",
                "nat.instanceType", "nat.sshAdminCidr");
    }
}
