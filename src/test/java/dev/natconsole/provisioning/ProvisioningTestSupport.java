package dev.natconsole.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import dev.natconsole.provisioning.internal.ProvisioningEngine;
import dev.natconsole.provisioning.internal.StepListener;
import dev.natconsole.target.NewTarget;
import dev.natconsole.target.TargetKind;
import dev.natconsole.target.Targets;
import dev.natconsole.testing.MotoServer;
import dev.natconsole.topology.ImageChoice;
import dev.natconsole.topology.NatInstanceSpec;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.PrivateRouting;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.Topology;
import dev.natconsole.topology.TopologyOptions;
import dev.natconsole.topology.TopologySpec;
import dev.natconsole.topology.ZoneSubnets;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Shared set-up for provisioning tests against moto through the console's own SDK clients: a target pointing at
 * moto, topologies with unique names, waiting for runs, and describe calls filtered on the topology's tags.
 */
abstract class ProvisioningTestSupport {

    static final String REGION = "us-east-1";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Autowired
    Provisioning provisioning;
    @Autowired
    ProvisioningEngine engine;
    @Autowired
    Topologies topologies;
    @Autowired
    Targets targets;

    Ec2Client ec2;
    long targetId;
    final List<StepListener> listeners = new ArrayList<>();

    @BeforeEach
    void target() {
        MotoServer moto = MotoServer.get();
        ec2 = moto.ec2(REGION);
        targetId = targets.create(new NewTarget("moto-" + System.nanoTime(), TargetKind.EMULATOR,
                moto.endpoint().toString(), null, REGION)).id();
    }

    @AfterEach
    void removeListeners() {
        engine.listeners().removeAll(listeners);
        ec2.close();
    }

    void listen(StepListener listener) {
        listeners.add(listener);
        engine.listeners().add(listener);
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
    }

    TopologySpec spec(int zones, NatLayout layout, PrivateRouting routing, NatInstanceSpec nat,
            TopologyOptions options) {
        List<ZoneSubnets> list = Stream.of("a", "b", "c", "d", "e", "f").limit(zones)
                .map(letter -> new ZoneSubnets(REGION + letter, null, null)).toList();
        return new TopologySpec(uniqueName("topo"), targetId, REGION, "10.20.0.0/16", list, layout, routing, nat,
                options);
    }

    TopologySpec perAzSpec(int zones) {
        return spec(zones, NatLayout.NAT_INSTANCE_PER_AZ, PrivateRouting.ROUTE_TABLE_PER_AZ,
                new NatInstanceSpec("t4g.nano", ImageChoice.AMAZON_LINUX_2023, null, null, false, null),
                TopologyOptions.none());
    }

    Topology create(TopologySpec spec) {
        return topologies.create(spec).topology();
    }

    /** Waits until the run stops executing in this process, and returns it as recorded. */
    RunView await(long runId) {
        engine.activeRun(runId).ifPresent(done -> {
            try {
                done.get(3, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new AssertionError("run " + runId + " did not finish", e);
            }
        });
        return provisioning.run(runId);
    }

    RunView applied(long topologyId) {
        RunView run = await(provisioning.apply(topologyId).id());
        assertThat(run.status()).as("apply run %s: %s", run.id(), run.error()).isEqualTo(RunStatus.SUCCEEDED);
        return run;
    }

    // ---- describe calls filtered on the topology's tags ---------------------------------------------------

    static Filter topologyTag(long topologyId) {
        return Filter.builder().name("tag:natconsole:topology").values(Long.toString(topologyId)).build();
    }

    static Filter logicalId(String id) {
        return Filter.builder().name("tag:natconsole:logical-id").values(id).build();
    }

    List<Vpc> vpcs(long topologyId) {
        return ec2.describeVpcs(r -> r.filters(topologyTag(topologyId))).vpcs();
    }

    List<Subnet> subnets(long topologyId) {
        return ec2.describeSubnets(r -> r.filters(topologyTag(topologyId))).subnets();
    }

    Subnet subnet(long topologyId, String logicalId) {
        List<Subnet> found = ec2.describeSubnets(r -> r.filters(topologyTag(topologyId), logicalId(logicalId)))
                .subnets();
        assertThat(found).as(logicalId).hasSize(1);
        return found.get(0);
    }

    List<RouteTable> routeTables(long topologyId) {
        return ec2.describeRouteTables(r -> r.filters(topologyTag(topologyId))).routeTables();
    }

    RouteTable routeTable(long topologyId, String logicalId) {
        List<RouteTable> found = ec2.describeRouteTables(r -> r.filters(topologyTag(topologyId),
                logicalId(logicalId))).routeTables();
        assertThat(found).as(logicalId).hasSize(1);
        return found.get(0);
    }

    List<SecurityGroup> securityGroups(long topologyId) {
        return ec2.describeSecurityGroups(r -> r.filters(topologyTag(topologyId))).securityGroups();
    }

    /** Instances tagged with the topology in any state but terminated. */
    List<Instance> liveInstances(long topologyId) {
        return ec2.describeInstances(r -> r.filters(topologyTag(topologyId), Filter.builder()
                .name("instance-state-name").values("pending", "running", "stopping", "stopped").build()))
                .reservations().stream().flatMap(reservation -> reservation.instances().stream()).toList();
    }

    /** Every instance ever tagged with the topology, terminated ones included. */
    List<Instance> allInstances(long topologyId) {
        return ec2.describeInstances(r -> r.filters(topologyTag(topologyId))).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).toList();
    }

    List<Address> addresses(long topologyId) {
        return ec2.describeAddresses(r -> r.filters(topologyTag(topologyId))).addresses();
    }
}
