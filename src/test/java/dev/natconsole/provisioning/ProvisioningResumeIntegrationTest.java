package dev.natconsole.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.natconsole.provisioning.internal.RunStep;
import dev.natconsole.provisioning.internal.StepListener;
import dev.natconsole.provisioning.internal.StepOutcome;
import dev.natconsole.shared.ConflictException;
import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.topology.PlanBuilder;
import dev.natconsole.topology.Topology;

/**
 * A run interrupted as if the console were killed right after AWS did the k-th step (before the console recorded
 * it, while other steps were in flight), then recovered as at a restart and resumed: it must end with exactly
 * the planned resources, adopting what the dead run made.
 */
@ConsoleIntegrationTest
class ProvisioningResumeIntegrationTest extends ProvisioningTestSupport {

    /** Kills the run once {@code k} steps have been done in AWS (and stays dead for steps finishing after). */
    private StepListener crashAfter(int k) {
        AtomicInteger done = new AtomicInteger();
        return new StepListener() {
            @Override
            public void afterStep(long runId, RunStep step, StepOutcome outcome) {
                if (done.incrementAndGet() >= k) {
                    throw new IllegalStateException("simulated crash after step " + k + " (" + step.id() + ")");
                }
            }
        };
    }

    @ParameterizedTest(name = "crash after step {0}")
    @ValueSource(ints = {1, 3, 9, 17, 24, 26, 30, 34})
    void interruptedRunResumesToExactlyThePlannedResources(int k) {
        Topology topology = create(perAzSpec(2));
        long id = topology.id();
        int planned = PlanBuilder.build(topology.spec()).actions().size();
        assertThat(planned).isEqualTo(34);
        StepListener crash = crashAfter(k);
        listen(crash);

        RunView run = await(provisioning.apply(id).id());
        // A dead console records nothing more: the run still says RUNNING and the topology stays locked.
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.count(StepStatus.DONE)).isLessThan(k);
        assertThatThrownBy(() -> provisioning.apply(id)).isInstanceOf(ConflictException.class);
        engine.listeners().remove(crash);

        // The restart marks it interrupted; its steps caught running are failed with code Interrupted.
        assertThat(engine.recoverInterruptedRuns()).contains(run.id());
        RunView interrupted = provisioning.run(run.id());
        assertThat(interrupted.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(interrupted.steps()).filteredOn(step -> step.status() == StepStatus.FAILED)
                .isNotEmpty().allSatisfy(step -> assertThat(step.errorCode()).isEqualTo("Interrupted"));
        assertThat(provisioning.status(id)).isEqualTo(TopologyStatus.FAILED);

        RunView resumed = await(provisioning.resume(id, run.id()).id());
        assertThat(resumed.id()).isEqualTo(run.id());
        assertThat(resumed.status()).as(resumed.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(resumed.steps()).hasSize(planned).allSatisfy(step -> assertThat(step.status())
                .isEqualTo(StepStatus.DONE));

        assertExactlyPlanned(id, 2);
        // What the run recorded is what exists
        ProvisioningOutputs outputs = provisioning.outputs(id);
        assertThat(outputs.vpcId()).isEqualTo(vpcs(id).get(0).vpcId());
        assertThat(outputs.nats()).extracting(ProvisioningOutputs.Nat::instanceId)
                .containsExactlyInAnyOrderElementsOf(liveInstances(id).stream().map(i -> i.instanceId()).toList());
        assertThat(outputs.nats()).extracting(ProvisioningOutputs.Nat::allocationId)
                .containsExactlyInAnyOrderElementsOf(addresses(id).stream().map(a -> a.allocationId()).toList());
    }

    @Test
    void resumingTwiceOrARunThatIsNotResumableIsRefused() {
        Topology topology = create(perAzSpec(1));
        RunView run = applied(topology.id());
        assertThatThrownBy(() -> provisioning.resume(topology.id(), run.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("SUCCEEDED");
        assertThatThrownBy(() -> provisioning.resume(topology.id() + 1000, run.id()))
                .isInstanceOf(dev.natconsole.shared.NotFoundException.class);
        // Applying again converges on what is there: nothing new is made.
        RunView again = await(provisioning.apply(topology.id()).id());
        assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertExactlyPlanned(topology.id(), 1);
    }

    void assertExactlyPlanned(long id, int zones) {
        assertThat(vpcs(id)).hasSize(1);
        assertThat(subnets(id)).hasSize(2 * zones);
        assertThat(ec2.describeInternetGateways(r -> r.filters(topologyTag(id))).internetGateways()).hasSize(1);
        assertThat(routeTables(id)).hasSize(1 + zones);
        assertThat(securityGroups(id)).hasSize(1);
        // one instance per NAT, never a second one even terminated, and one EIP per NAT, associated
        assertThat(allInstances(id)).hasSize(zones);
        assertThat(liveInstances(id)).hasSize(zones).allSatisfy(i -> assertThat(i.sourceDestCheck()).isFalse());
        List<String> instances = liveInstances(id).stream().map(i -> i.instanceId()).toList();
        assertThat(addresses(id)).hasSize(zones)
                .allSatisfy(address -> assertThat(instances).contains(address.instanceId()));
    }
}
