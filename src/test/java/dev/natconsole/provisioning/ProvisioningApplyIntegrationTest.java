package dev.natconsole.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.natconsole.provisioning.internal.RunStep;
import dev.natconsole.provisioning.internal.StepListener;
import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.topology.ImageChoice;
import dev.natconsole.topology.NatInstanceSpec;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.PlanBuilder;
import dev.natconsole.topology.PrivateRouting;
import dev.natconsole.topology.Topology;
import dev.natconsole.topology.TopologyOptions;
import dev.natconsole.topology.ZoneSubnets;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/** A two-AZ topology applied against moto through the real SDK, then checked with describe calls. */
@ConsoleIntegrationTest
class ProvisioningApplyIntegrationTest extends ProvisioningTestSupport {

    @Autowired
    MockMvc mvc;

    @Test
    void appliesTwoAzTopologyAsPlanned() throws Exception {
        ec2.createKeyPair(r -> r.keyName("nat-key"));
        Topology topology = create(spec(2, NatLayout.NAT_INSTANCE_PER_AZ, PrivateRouting.ROUTE_TABLE_PER_AZ,
                new NatInstanceSpec("t4g.nano", ImageChoice.AMAZON_LINUX_2023, null, "203.0.113.0/24", false,
                        "nat-key"),
                new TopologyOptions(false, null, false, true)));
        long id = topology.id();
        List<ZoneSubnets> zones = topology.spec().availabilityZones();

        MvcResult accepted = mvc.perform(post("/api/topologies/{id}/apply", id))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.kind").value("APPLY"))
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern(
                        "/api/topologies/" + id + "/runs/\\d+")))
                .andReturn();
        long runId = Long.parseLong(accepted.getResponse().getHeader("Location").replaceAll(".*/", ""));
        RunView run = await(runId);

        assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.steps()).hasSize(PlanBuilder.build(topology.spec()).actions().size())
                .allSatisfy(step -> {
                    assertThat(step.status()).isEqualTo(StepStatus.DONE);
                    assertThat(step.startedAt()).isNotNull();
                    assertThat(step.finishedAt()).isAfterOrEqualTo(step.startedAt());
                    assertThat(step.errorCode()).isNull();
                });
        assertThat(provisioning.status(id)).isEqualTo(TopologyStatus.APPLIED);

        // VPC with DNS hostnames on
        assertThat(vpcs(id)).hasSize(1);
        String vpc = vpcs(id).get(0).vpcId();
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpc).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                .enableDnsHostnames().value()).isTrue();

        // Subnets: a public and a private one per AZ, in the right AZ with the planned blocks
        assertThat(subnets(id)).hasSize(4);
        for (ZoneSubnets zone : zones) {
            assertThat(subnet(id, PlanBuilder.subnetId("public", zone.name())).availabilityZone()).isEqualTo(zone.name());
            assertThat(subnet(id, PlanBuilder.subnetId("public", zone.name())).cidrBlock())
                    .isEqualTo(zone.publicSubnetCidr());
            assertThat(subnet(id, PlanBuilder.subnetId("private", zone.name())).cidrBlock())
                    .isEqualTo(zone.privateSubnetCidr());
        }

        // Internet gateway attached to the VPC
        List<InternetGateway> gateways = ec2.describeInternetGateways(r -> r.filters(topologyTag(id)))
                .internetGateways();
        assertThat(gateways).hasSize(1);
        String igw = gateways.get(0).internetGatewayId();
        assertThat(gateways.get(0).attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.vpcId()).isEqualTo(vpc);
            assertThat(attachment.stateAsString()).isIn("available", "attached");
        });

        // Public route table: 0.0.0.0/0 -> igw, associated with both public subnets
        RouteTable publicTable = routeTable(id, PlanBuilder.PUBLIC_ROUTE_TABLE);
        assertThat(publicTable.routes()).anySatisfy(route -> {
            assertThat(route.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
            assertThat(route.gatewayId()).isEqualTo(igw);
        });
        Set<String> publicSubnets = zones.stream()
                .map(zone -> subnet(id, PlanBuilder.subnetId("public", zone.name())).subnetId())
                .collect(Collectors.toSet());
        assertThat(publicTable.associations().stream().map(RouteTableAssociation::subnetId)
                .collect(Collectors.toSet())).isEqualTo(publicSubnets);

        // The NAT security group's rules are exactly the planned ones
        List<SecurityGroup> groups = securityGroups(id);
        assertThat(groups).hasSize(1);
        SecurityGroup group = groups.get(0);
        Set<String> expectedIngress = new HashSet<>();
        for (ZoneSubnets zone : zones) {
            expectedIngress.add("tcp 80-80 " + zone.privateSubnetCidr());
            expectedIngress.add("tcp 443-443 " + zone.privateSubnetCidr());
            expectedIngress.add("icmp -1--1 " + zone.privateSubnetCidr());
        }
        expectedIngress.add("tcp 22-22 203.0.113.0/24");
        assertThat(rules(group.ipPermissions())).containsExactlyInAnyOrderElementsOf(expectedIngress);
        assertThat(rules(group.ipPermissionsEgress())).containsExactlyInAnyOrder(
                "tcp 80-80 0.0.0.0/0", "tcp 443-443 0.0.0.0/0", "icmp -1--1 0.0.0.0/0");
        assertThat(ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(group.groupId())))
                .securityGroupRules()).hasSize(expectedIngress.size() + 3)
                .allSatisfy(rule -> assertThat(rule.tags()).extracting(Tag::key)
                        .contains("Name", "natconsole:topology", "natconsole:logical-id", "natconsole:managed"));

        // Each NAT instance: in its AZ's public subnet, source/dest check off, an EIP associated
        assertThat(liveInstances(id)).hasSize(2);
        for (ZoneSubnets zone : zones) {
            Instance nat = natInstance(id, zone.name());
            assertThat(nat.subnetId()).isEqualTo(subnet(id, PlanBuilder.subnetId("public", zone.name())).subnetId());
            assertThat(nat.sourceDestCheck()).isFalse();
            assertThat(nat.keyName()).isEqualTo("nat-key");
            assertThat(nat.networkInterfaces()).singleElement().satisfies(eni -> assertThat(eni.groups())
                    .singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(group.groupId())));
            List<Address> eips = addresses(id).stream()
                    .filter(address -> nat.instanceId().equals(address.instanceId())).toList();
            assertThat(eips).singleElement().satisfies(eip -> {
                assertThat(eip.allocationId()).isNotNull();
                assertThat(eip.tags()).extracting(Tag::key).contains("natconsole:topology");
            });
            String userData = ec2.describeInstanceAttribute(r -> r.instanceId(nat.instanceId())
                    .attribute("userData")).userData().value();
            String script = new String(java.util.Base64.getDecoder().decode(userData));
            assertThat(script).contains("ip route show default").contains("service iptables save")
                    .doesNotContain("eth0");

            // Each private route table sends 0.0.0.0/0 to its own AZ's NAT instance
            RouteTable privateTable = routeTable(id, PlanBuilder.privateRouteTableId(zone.name()));
            Route defaultRoute = privateTable.routes().stream()
                    .filter(route -> "0.0.0.0/0".equals(route.destinationCidrBlock())).findFirst().orElseThrow();
            assertThat(defaultRoute.instanceId()).isEqualTo(nat.instanceId());
            assertThat(privateTable.associations()).extracting(RouteTableAssociation::subnetId)
                    .containsExactly(subnet(id, PlanBuilder.subnetId("private", zone.name())).subnetId());
        }
        assertThat(addresses(id)).hasSize(2);

        // Every resource carries the tags
        Set<String> resourceIds = new HashSet<>();
        resourceIds.add(vpc);
        resourceIds.add(igw);
        subnets(id).forEach(s -> resourceIds.add(s.subnetId()));
        routeTables(id).forEach(t -> resourceIds.add(t.routeTableId()));
        resourceIds.add(group.groupId());
        liveInstances(id).forEach(i -> resourceIds.add(i.instanceId()));
        addresses(id).forEach(a -> resourceIds.add(a.allocationId()));
        assertThat(resourceIds).hasSize(1 + 1 + 4 + 3 + 1 + 2 + 2);
        Map<String, List<TagDescription>> tags = ec2.describeTags(r -> r.filters(f -> f.name("resource-id")
                .values(resourceIds))).tags().stream().collect(Collectors.groupingBy(TagDescription::resourceId));
        for (String resource : resourceIds) {
            Map<String, String> byKey = tags.getOrDefault(resource, List.of()).stream()
                    .collect(Collectors.toMap(TagDescription::key, TagDescription::value));
            assertThat(byKey).as(resource).containsEntry("natconsole:topology", Long.toString(id))
                    .containsEntry("natconsole:managed", "true").containsKey("natconsole:logical-id");
            assertThat(byKey.get("Name")).as(resource).startsWith(topology.name() + "-");
        }

        // The run recorded each step's AWS id, and the outputs fill in the seed's commands
        assertThat(run.steps().stream().filter(step -> step.logicalId().equals(PlanBuilder.VPC)).findFirst()
                .orElseThrow().awsId()).isEqualTo(vpc);
        ProvisioningOutputs outputs = provisioning.outputs(id);
        assertThat(outputs.vpcId()).isEqualTo(vpc);
        assertThat(outputs.nats()).hasSize(2).allSatisfy(nat -> {
            assertThat(nat.instanceId()).startsWith("i-");
            assertThat(nat.publicIp()).isNotBlank();
            assertThat(nat.privateIp()).isNotBlank();
        });
        assertThat(outputs.nats().get(0).publicIp()).isEqualTo(ec2.describeAddresses(r -> r
                .allocationIds(outputs.nats().get(0).allocationId())).addresses().get(0).publicIp());
        assertThat(outputs.sshProxyCommand()).isEqualTo("ssh -o ProxyCommand='ssh -i ~/.ssh/nat-key.pem ec2-user@"
                + outputs.nats().get(0).publicIp() + " -W PRIVATE_IP:22' -i ~/.ssh/nat-key.pem ec2-user@PRIVATE_IP");
        assertThat(outputs.verifyCommands()).contains("ping -c 4 1.1.1.1", "curl -I https://aws.amazon.com");

        mvc.perform(get("/api/topologies/{id}/runs", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(runId)).andExpect(jsonPath("$[0].status").value("SUCCEEDED"));
        mvc.perform(get("/api/topologies/{id}/runs/{runId}", id, runId)).andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[0].logicalId").value("vpc"))
                .andExpect(jsonPath("$.steps[0].awsId").value(vpc));
        mvc.perform(get("/api/topologies/{id}/outputs", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.nats.length()").value(2));
        mvc.perform(get("/api/topologies/{id}/runs/{runId}", id + 1000, runId)).andExpect(status().isNotFound());
    }

    @Test
    void secondRunOfTheSameTopologyIsRefusedWith409AndTheEventStreamFollowsTheRun() throws Exception {
        Topology topology = create(perAzSpec(1));
        long id = topology.id();
        CountDownLatch release = new CountDownLatch(1);
        listen(new StepListener() {
            @Override
            public void beforeStep(long runId, RunStep step) {
                if (step.id().equals(PlanBuilder.VPC)) {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        RunView first = provisioning.apply(id);
        assertThat(provisioning.status(id)).isEqualTo(TopologyStatus.APPLYING);
        mvc.perform(post("/api/topologies/{id}/apply", id)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("run " + first.id())));
        mvc.perform(post("/api/topologies/{id}/destroy", id)).andExpect(status().isConflict());

        MvcResult stream = mvc.perform(get("/api/topologies/{id}/runs/{runId}/events", id, first.id()))
                .andExpect(request().asyncStarted()).andReturn();
        release.countDown();
        assertThat(await(first.id()).status()).isEqualTo(RunStatus.SUCCEEDED);
        String events = waitForStreamEnd(stream);
        assertThat(events).startsWith("event:run").contains("event:step").contains("\"logicalId\":\"vpc\"")
                .contains("\"status\":\"RUNNING\"").contains("\"status\":\"DONE\"").contains("\"SUCCEEDED\"");

        // Once the run is over a new one may start; its stream of a finished run is one event and the end
        RunView again = await(provisioning.apply(id).id());
        assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(vpcs(id)).hasSize(1);
        assertThat(liveInstances(id)).hasSize(1);
        MvcResult finished = mvc.perform(get("/api/topologies/{id}/runs/{runId}/events", id, again.id()))
                .andReturn();
        assertThat(waitForStreamEnd(finished)).startsWith("event:run").doesNotContain("event:step");
    }

    @Test
    void concurrentAppliesOfOneTopologyStartExactlyOneRun() throws Exception {
        Topology topology = create(perAzSpec(1));
        int callers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < callers; i++) {
            statuses.add(pool.submit(() -> {
                go.await();
                return mvc.perform(post("/api/topologies/{id}/apply", topology.id())).andReturn().getResponse()
                        .getStatus();
            }));
        }
        go.countDown();
        List<Integer> codes = new java.util.ArrayList<>();
        for (var status : statuses) {
            codes.add(status.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(codes).containsOnly(202, 409).filteredOn(code -> code == 202).hasSize(1);
        List<RunSummary> runs = provisioning.runs(topology.id());
        assertThat(runs).hasSize(1);
        assertThat(await(runs.get(0).id()).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(vpcs(topology.id())).hasSize(1);
    }

    private static String waitForStreamEnd(MvcResult result) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String content = result.getResponse().getContentAsString();
        while (System.nanoTime() < deadline && !content.contains("\"status\":\"SUCCEEDED\"")) {
            Thread.sleep(50);
            content = result.getResponse().getContentAsString();
        }
        return content;
    }

    private Instance natInstance(long id, String zone) {
        List<Instance> found = ec2.describeInstances(r -> r.filters(topologyTag(id),
                logicalId(PlanBuilder.natId(zone)))).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).toList();
        assertThat(found).as("NAT instance in %s", zone).hasSize(1);
        return found.get(0);
    }

    private static List<String> rules(List<IpPermission> permissions) {
        return permissions.stream().flatMap(p -> p.ipRanges().stream()
                .map(range -> p.ipProtocol() + " " + p.fromPort() + "-" + p.toPort() + " " + range.cidrIp()))
                .toList();
    }
}
