package dev.natconsole.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;

import dev.natconsole.provisioning.internal.ProvisioningEngine;
import dev.natconsole.target.NewTarget;
import dev.natconsole.target.TargetKind;
import dev.natconsole.target.Targets;
import dev.natconsole.topology.ImageChoice;
import dev.natconsole.topology.NatInstanceSpec;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.PlanBuilder;
import dev.natconsole.topology.PrivateRouting;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.Topology;
import dev.natconsole.topology.TopologyOptions;
import dev.natconsole.topology.TopologySpec;
import dev.natconsole.topology.ZoneSubnets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The apply/destroy scenario against LocalStack in a container, for machines with Docker. LocalStack images
 * from 2026-03 on need LOCALSTACK_AUTH_TOKEN; the pinned tag runs without one.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
@ActiveProfiles("test")
class ProvisioningLocalStackTest {

    private static final String REGION = "us-east-1";

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer("localstack/localstack:4.4.0")
            .withServices("ec2", "ssm");

    @Autowired
    Provisioning provisioning;
    @Autowired
    ProvisioningEngine engine;
    @Autowired
    Topologies topologies;
    @Autowired
    Targets targets;

    @Test
    void appliesAndDestroysATwoAzTopology() {
        try (Ec2Client ec2 = Ec2Client.builder().region(Region.of(REGION)).endpointOverride(LOCALSTACK.getEndpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .build()) {
            long target = targets.create(new NewTarget("localstack-" + System.nanoTime(), TargetKind.EMULATOR,
                    LOCALSTACK.getEndpoint().toString(), null, REGION)).id();
            String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
            Topology topology = topologies.create(new TopologySpec("localstack-" + System.nanoTime() % 100000,
                    target, REGION, "10.30.0.0/16", List.of(new ZoneSubnets(REGION + "a", null, null),
                            new ZoneSubnets(REGION + "b", null, null)),
                    NatLayout.NAT_INSTANCE_PER_AZ, PrivateRouting.ROUTE_TABLE_PER_AZ,
                    new NatInstanceSpec("t3.nano", ImageChoice.CUSTOM_AMI, image, null, false, null),
                    TopologyOptions.none())).topology();
            long id = topology.id();
            Filter tagged = Filter.builder().name("tag:natconsole:topology").values(Long.toString(id)).build();

            RunView apply = await(provisioning.apply(id).id());

            assertThat(apply.status()).as(apply.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(ec2.describeVpcs(r -> r.filters(tagged)).vpcs()).hasSize(1);
            assertThat(ec2.describeSubnets(r -> r.filters(tagged)).subnets()).hasSize(4);
            List<Instance> nats = ec2.describeInstances(r -> r.filters(tagged)).reservations().stream()
                    .flatMap(reservation -> reservation.instances().stream()).toList();
            assertThat(nats).hasSize(2).allSatisfy(nat -> assertThat(nat.sourceDestCheck()).isFalse());
            assertThat(ec2.describeAddresses(r -> r.filters(tagged)).addresses()).hasSize(2)
                    .allSatisfy(address -> assertThat(address.associationId()).isNotNull());
            for (ZoneSubnets zone : topology.spec().availabilityZones()) {
                String nat = provisioning.outputs(id).nats().stream()
                        .filter(n -> n.zone().equals(zone.name())).findFirst().orElseThrow().instanceId();
                assertThat(ec2.describeRouteTables(r -> r.filters(tagged, Filter.builder()
                        .name("tag:natconsole:logical-id").values(PlanBuilder.privateRouteTableId(zone.name()))
                        .build())).routeTables().get(0).routes())
                        .anySatisfy(route -> assertThat(route.instanceId()).isEqualTo(nat));
            }

            RunView destroy = await(provisioning.destroy(id).id());

            assertThat(destroy.status()).as(destroy.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(ec2.describeVpcs(r -> r.filters(tagged)).vpcs()).isEmpty();
            assertThat(ec2.describeSubnets(r -> r.filters(tagged)).subnets()).isEmpty();
            assertThat(ec2.describeAddresses(r -> r.filters(tagged)).addresses()).isEmpty();
            assertThat(ec2.describeInstances(r -> r.filters(tagged, Filter.builder().name("instance-state-name")
                    .values("pending", "running").build())).reservations()).isEmpty();
        }
    }

    private RunView await(long runId) {
        engine.activeRun(runId).ifPresent(done -> {
            try {
                done.get(5, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new AssertionError("run " + runId + " did not finish", e);
            }
        });
        return provisioning.run(runId);
    }
}
