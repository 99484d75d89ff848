package dev.natconsole.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.natconsole.provisioning.internal.RunStep;
import dev.natconsole.provisioning.internal.StepListener;
import dev.natconsole.provisioning.internal.StepOutcome;
import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.topology.ImageChoice;
import dev.natconsole.topology.NatInstanceSpec;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.PrivateRouting;
import dev.natconsole.topology.Topology;
import dev.natconsole.topology.TopologyOptions;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/** Destroy: afterwards nothing tagged with the topology remains and every Elastic IP is released. */
@ConsoleIntegrationTest
class ProvisioningDestroyIntegrationTest extends ProvisioningTestSupport {

    @Test
    void destroysEverythingOfATwoAzTopologyWithItsOptions() {
        ec2.createKeyPair(r -> r.keyName("destroy-key"));
        Topology topology = create(spec(2, NatLayout.NAT_INSTANCE_PER_AZ, PrivateRouting.ROUTE_TABLE_PER_AZ,
                new NatInstanceSpec("t3.nano", ImageChoice.AMAZON_LINUX_2023, null, "198.51.100.0/24", false,
                        "destroy-key"),
                new TopologyOptions(true, "arn:aws:iam::123456789012:role/flow-logs", true, true)));
        long id = topology.id();
        applied(id);
        List<String> allocations = addresses(id).stream().map(a -> a.allocationId()).toList();
        assertThat(allocations).hasSize(2);
        assertThat(liveInstances(id)).hasSize(3); // two NATs and the test server
        assertThat(securityGroups(id)).hasSize(2);
        assertThat(ec2.describeFlowLogs(r -> r.filter(topologyTag(id))).flowLogs()).hasSize(1);
        ProvisioningOutputs outputs = provisioning.outputs(id);
        assertThat(outputs.testServer().privateIp()).isNotBlank();
        assertThat(outputs.sshProxyCommand()).endsWith("ec2-user@" + outputs.testServer().privateIp())
                .contains("-W " + outputs.testServer().privateIp() + ":22");

        RunView destroy = await(provisioning.destroy(id).id());

        assertThat(destroy.kind()).isEqualTo(RunKind.DESTROY);
        assertThat(destroy.status()).as(destroy.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(destroy.steps()).allSatisfy(step -> assertThat(step.status()).isEqualTo(StepStatus.DONE));
        assertThat(destroy.steps().get(destroy.steps().size() - 1).logicalId()).isEqualTo("vpc");
        assertThat(provisioning.status(id)).isEqualTo(TopologyStatus.DESTROYED);
        assertNothingLeft(id, allocations);
        assertThat(provisioning.outputs(id).nats()).allSatisfy(nat -> assertThat(nat.instanceId()).isNull());
        assertThat(provisioning.outputs(id).vpcId()).isNull();

        // Applying again after a destroy builds it all anew (nothing gone is adopted), and destroys again
        RunView again = applied(id);
        assertThat(again.steps()).allSatisfy(step -> assertThat(step.status()).isEqualTo(StepStatus.DONE));
        assertThat(vpcs(id)).hasSize(1);
        assertThat(liveInstances(id)).hasSize(3);
        assertThat(addresses(id)).hasSize(2);
        List<String> newAllocations = addresses(id).stream().map(a -> a.allocationId()).toList();
        assertThat(await(provisioning.destroy(id).id()).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertNothingLeft(id, newAllocations);
    }

    @Test
    void destroyUndoesWhatACrashedRunMadeButNeverRecorded() {
        Topology topology = create(perAzSpec(2));
        long id = topology.id();
        // The console dies right after AWS launched the first NAT instance, before recording it.
        listen(new StepListener() {
            @Override
            public void afterStep(long runId, RunStep step, StepOutcome outcome) {
                if (step.kind().equals("RUN_INSTANCE")) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        });
        RunView crashed = await(provisioning.apply(id).id());
        engine.listeners().removeAll(listeners);
        engine.recoverInterruptedRuns();
        assertThat(provisioning.run(crashed.id()).status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(liveInstances(id)).isNotEmpty();
        assertThat(provisioning.outputs(id).nats()).allSatisfy(nat -> assertThat(nat.instanceId()).isNull());
        List<String> allocations = addresses(id).stream().map(a -> a.allocationId()).toList();

        RunView destroy = await(provisioning.destroy(id).id());

        assertThat(destroy.status()).as(destroy.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(destroy.steps()).filteredOn(step -> step.kind().equals("RUN_INSTANCE"))
                .anySatisfy(step -> assertThat(step.status()).isEqualTo(StepStatus.DONE));
        assertNothingLeft(id, allocations);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "crash after step {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 6, 12, 18})
    void anInterruptedDestroyResumesToNothingLeft(int k) {
        Topology topology = create(perAzSpec(2));
        long id = topology.id();
        applied(id);
        List<String> allocations = addresses(id).stream().map(a -> a.allocationId()).toList();
        AtomicInteger done = new AtomicInteger();
        listen(new StepListener() {
            @Override
            public void afterStep(long runId, RunStep step, StepOutcome outcome) {
                if (done.incrementAndGet() >= k) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        });
        RunView crashed = await(provisioning.destroy(id).id());
        assertThat(crashed.steps().size()).isGreaterThan(18);
        engine.listeners().removeAll(listeners);
        assertThat(crashed.status()).isEqualTo(RunStatus.RUNNING);
        engine.recoverInterruptedRuns();

        RunView resumed = await(provisioning.resume(id, crashed.id()).id());

        assertThat(resumed.status()).as(resumed.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(provisioning.status(id)).isEqualTo(TopologyStatus.DESTROYED);
        assertNothingLeft(id, allocations);
    }

    @Test
    void aTopologyMovedWhileAppliedIsDestroyedWhereItsResourcesAre() {
        Topology topology = create(perAzSpec(1));
        long id = topology.id();
        applied(id);
        // Moved to another region (and target) while its resources stay in the first one
        long otherTarget = targets.create(new dev.natconsole.target.NewTarget("moto-west-" + System.nanoTime(),
                dev.natconsole.target.TargetKind.EMULATOR, dev.natconsole.testing.MotoServer.get().endpoint()
                        .toString(), null, "us-west-2")).id();
        topologies.update(id, new dev.natconsole.topology.TopologySpec(topology.name(), otherTarget, "us-west-2",
                topology.spec().vpcCidr(), List.of(new dev.natconsole.topology.ZoneSubnets("us-west-2a", null, null)),
                topology.spec().natLayout(), topology.spec().privateRouting(), topology.spec().nat(),
                topology.spec().options()));

        assertThatThrownBy(() -> provisioning.apply(id)).isInstanceOf(dev.natconsole.shared.ConflictException.class)
                .hasMessageContaining("us-east-1");
        List<String> allocations = addresses(id).stream().map(a -> a.allocationId()).toList();
        RunView destroy = await(provisioning.destroy(id).id());

        assertThat(destroy.region()).isEqualTo(REGION);
        assertThat(destroy.status()).as(destroy.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertNothingLeft(id, allocations);
        // Now it may go to its new place
        RunView moved = applied(id);
        assertThat(moved.region()).isEqualTo("us-west-2");
        assertThat(moved.targetId()).isEqualTo(otherTarget);
        try (var west = dev.natconsole.testing.MotoServer.get().ec2("us-west-2")) {
            assertThat(west.describeVpcs(r -> r.filters(topologyTag(id))).vpcs()).hasSize(1);
        }
        assertThat(vpcs(id)).isEmpty();
    }

    @Test
    void sweepDeletesTaggedLeftoversThatNoStepKnows() {
        Topology topology = create(perAzSpec(1));
        long id = topology.id();
        applied(id);
        // What a crashed run of an older design could have left: tagged, under logical ids the plan no longer has.
        String vpc = vpcs(id).get(0).vpcId();
        List<software.amazon.awssdk.services.ec2.model.Tag> stray = List.of(
                software.amazon.awssdk.services.ec2.model.Tag.builder().key("natconsole:topology")
                        .value(Long.toString(id)).build(),
                software.amazon.awssdk.services.ec2.model.Tag.builder().key("natconsole:logical-id")
                        .value("subnet-public-us-east-1z").build());
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.200.0/24").availabilityZone("us-east-1b")
                .tagSpecifications(t -> t.resourceType("subnet").tags(stray))).subnet().subnetId();
        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("stray").description("stray")
                .tagSpecifications(t -> t.resourceType("security-group").tags(stray))).groupId();
        String allocation = ec2.allocateAddress(r -> r.domain("vpc")
                .tagSpecifications(t -> t.resourceType("elastic-ip").tags(stray))).allocationId();
        List<String> allocations = new java.util.ArrayList<>(addresses(id).stream().map(a -> a.allocationId())
                .toList());

        RunView destroy = await(provisioning.destroy(id).id());

        assertThat(destroy.status()).as(destroy.error()).isEqualTo(RunStatus.SUCCEEDED);
        StepView sweep = destroy.steps().stream().filter(step -> step.logicalId().equals("sweep")).findFirst()
                .orElseThrow();
        assertThat(sweep.awsId().split(",")).containsExactlyInAnyOrder(subnet, group, allocation);
        assertThat(destroy.steps().get(destroy.steps().size() - 1).logicalId()).isEqualTo("vpc");
        assertNothingLeft(id, allocations);
    }

    @Test
    void destroysTheSeedLayoutAndTheNatGatewayLayout() {
        Topology seed = create(spec(2, NatLayout.SHARED_NAT_INSTANCE, PrivateRouting.MAIN_ROUTE_TABLE,
                new NatInstanceSpec("t3.micro", ImageChoice.LEGACY_AMZN_AMI_VPC_NAT, null, null, false, null),
                TopologyOptions.none()));
        Topology gateways = create(spec(2, NatLayout.NAT_GATEWAY_PER_AZ, PrivateRouting.ROUTE_TABLE_PER_AZ,
                NatInstanceSpec.defaults(), TopologyOptions.none()));
        RunView seedRun = provisioning.apply(seed.id());
        RunView gatewayRun = provisioning.apply(gateways.id());
        assertThat(await(seedRun.id()).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(await(gatewayRun.id()).status()).isEqualTo(RunStatus.SUCCEEDED);

        // Seed layout: one NAT from the newest amzn-ami-vpc-nat, the main route table tagged and routed to it
        assertThat(liveInstances(seed.id())).singleElement().satisfies(nat -> {
            assertThat(nat.imageId()).isEqualTo(ec2.describeImages(r -> r.owners("amazon").filters(
                    Filter.builder().name("name").values("amzn-ami-vpc-nat-*").build())).images().get(0).imageId());
            assertThat(routeTable(seed.id(), "rtb-main").routes()).anySatisfy(route -> {
                assertThat(route.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
                assertThat(route.instanceId()).isEqualTo(nat.instanceId());
            });
        });
        assertThat(routeTable(seed.id(), "rtb-main").associations()).anySatisfy(a -> assertThat(a.main()).isTrue());

        // NAT Gateway layout: a gateway per AZ with its EIP, each private table routed to its own AZ's gateway
        // (moto applies only the first tag filter of DescribeNatGateways, so the logical id is matched here)
        var natGateways = ec2.describeNatGateways(r -> r.filter(topologyTag(gateways.id()))).natGateways();
        assertThat(natGateways).hasSize(2);
        for (var zone : gateways.spec().availabilityZones()) {
            var gateway = natGateways.stream().filter(g -> g.tags().stream().anyMatch(t -> t.key()
                    .equals("natconsole:logical-id") && t.value().equals("natgw-" + zone.name()))).toList();
            assertThat(gateway).hasSize(1);
            assertThat(gateway.get(0).subnetId()).isEqualTo(subnet(gateways.id(), "subnet-public-" + zone.name())
                    .subnetId());
            assertThat(routeTable(gateways.id(), "rtb-private-" + zone.name()).routes()).anySatisfy(route -> {
                assertThat(route.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
                assertThat(route.natGatewayId()).isEqualTo(gateway.get(0).natGatewayId());
            });
        }
        assertThat(provisioning.outputs(gateways.id()).nats()).allSatisfy(nat -> {
            assertThat(nat.natGatewayId()).startsWith("nat-");
            assertThat(nat.publicIp()).isNotBlank();
        });
        List<String> seedAllocations = addresses(seed.id()).stream().map(a -> a.allocationId()).toList();
        List<String> gatewayAllocations = addresses(gateways.id()).stream().map(a -> a.allocationId()).toList();
        assertThat(gatewayAllocations).hasSize(2);

        RunView seedDestroy = provisioning.destroy(seed.id());
        RunView gatewayDestroy = provisioning.destroy(gateways.id());
        assertThat(await(seedDestroy.id()).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(await(gatewayDestroy.id()).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertNothingLeft(seed.id(), seedAllocations);
        assertNothingLeft(gateways.id(), gatewayAllocations);
        assertThat(ec2.describeNatGateways(r -> r.filter(topologyTag(gateways.id()), Filter.builder().name("state")
                .values("pending", "available", "deleting").build())).natGateways()).isEmpty();
    }

    void assertNothingLeft(long id, List<String> allocations) {
        assertThat(vpcs(id)).isEmpty();
        assertThat(subnets(id)).isEmpty();
        assertThat(routeTables(id)).isEmpty();
        assertThat(securityGroups(id)).isEmpty();
        assertThat(ec2.describeInternetGateways(r -> r.filters(topologyTag(id))).internetGateways()).isEmpty();
        assertThat(liveInstances(id)).isEmpty();
        assertThat(addresses(id)).isEmpty();
        assertThat(ec2.describeFlowLogs(r -> r.filter(topologyTag(id))).flowLogs()).isEmpty();
        // Every EIP is released: asking for them by id finds none
        for (String allocation : allocations) {
            try {
                assertThat(ec2.describeAddresses(r -> r.allocationIds(allocation)).addresses()).isEmpty();
            } catch (AwsServiceException e) {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAllocationID.NotFound");
            }
        }
        // DescribeTags names every resource that ever carried the topology's tag: none of them may still exist.
        // (AWS keeps terminated instances, tags and all, for a while; moto also keeps the tags of deleted
        // resources. Both are fine: what counts is that the resource is gone.)
        List<TagDescription> tagged = ec2.describeTags(r -> r.filters(
                Filter.builder().name("key").values("natconsole:topology").build(),
                Filter.builder().name("value").values(Long.toString(id)).build())).tags();
        assertThat(tagged).isNotEmpty();
        for (TagDescription tag : tagged) {
            assertThat(exists(tag.resourceId())).as("%s still exists", tag.resourceId()).isFalse();
        }
    }

    private boolean exists(String resource) {
        Filter.Builder filter = Filter.builder().values(resource);
        String prefix = resource.substring(0, resource.indexOf('-') + 1);
        return switch (prefix) {
            case "vpc-" -> !ec2.describeVpcs(r -> r.filters(filter.name("vpc-id").build())).vpcs().isEmpty();
            case "subnet-" -> !ec2.describeSubnets(r -> r.filters(filter.name("subnet-id").build())).subnets()
                    .isEmpty();
            case "igw-" -> !ec2.describeInternetGateways(r -> r.filters(filter.name("internet-gateway-id").build()))
                    .internetGateways().isEmpty();
            case "rtb-" -> !ec2.describeRouteTables(r -> r.filters(filter.name("route-table-id").build()))
                    .routeTables().isEmpty();
            case "sg-" -> !ec2.describeSecurityGroups(r -> r.filters(filter.name("group-id").build()))
                    .securityGroups().isEmpty();
            case "eipalloc-" -> ec2.describeAddresses().addresses().stream()
                    .anyMatch(a -> a.allocationId().equals(resource));
            case "sgr-" -> !ec2.describeSecurityGroupRules(r -> r.filters(filter.name("security-group-rule-id")
                    .build())).securityGroupRules().isEmpty();
            case "vol-" -> !ec2.describeVolumes(r -> r.filters(filter.name("volume-id").build())).volumes().isEmpty();
            case "fl-" -> !ec2.describeFlowLogs(r -> r.filter(filter.name("flow-log-id").build())).flowLogs()
                    .isEmpty();
            case "nat-" -> ec2.describeNatGateways(r -> r.natGatewayIds(resource)).natGateways().stream()
                    .anyMatch(g -> !List.of("deleted", "deleting").contains(g.stateAsString()));
            case "i-" -> ec2.describeInstances(r -> r.instanceIds(resource)).reservations().stream()
                    .flatMap(reservation -> reservation.instances().stream())
                    .anyMatch(i -> !"terminated".equals(i.state().nameAsString()));
            default -> throw new AssertionError("unexpected tagged resource " + resource);
        };
    }
}
