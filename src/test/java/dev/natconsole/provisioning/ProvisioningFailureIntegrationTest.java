package dev.natconsole.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.natconsole.shared.ConflictException;
import dev.natconsole.testing.ApiCallCounter;
import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.testing.ThrottlingInjector;
import dev.natconsole.topology.ImageChoice;
import dev.natconsole.topology.NatInstanceSpec;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.PrivateRouting;
import dev.natconsole.topology.Topology;
import dev.natconsole.topology.TopologyOptions;
import dev.natconsole.topology.TopologySpec;

/** Steps AWS refuses leave the run failed with AWS's error code; after a fix it resumes, or it is destroyed. */
@ConsoleIntegrationTest
class ProvisioningFailureIntegrationTest extends ProvisioningTestSupport {

    @Autowired
    MockMvc mvc;

    @Test
    void unknownAmiFailsTheRunWithAwsErrorCodeAndTheFixedDesignResumes() throws Exception {
        TopologySpec broken = spec(2, NatLayout.NAT_INSTANCE_PER_AZ, PrivateRouting.ROUTE_TABLE_PER_AZ,
                new NatInstanceSpec("t4g.nano", ImageChoice.CUSTOM_AMI, "ami-0123456789abcdef0", null, false, null),
                TopologyOptions.none());
        Topology topology = create(broken);
        long id = topology.id();

        RunView failed = await(provisioning.apply(id).id());

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains("InvalidAMIID.NotFound");
        assertThat(failed.steps()).filteredOn(step -> step.status() == StepStatus.FAILED).isNotEmpty()
                .allSatisfy(step -> {
                    assertThat(step.kind()).isEqualTo("RUN_INSTANCE");
                    assertThat(step.errorCode()).isEqualTo("InvalidAMIID.NotFound");
                    assertThat(step.errorMessage()).contains("ami-0123456789abcdef0");
                    assertThat(step.finishedAt()).isNotNull();
                });
        // Nothing after a failed step starts: the EIP association, the routes never ran
        assertThat(failed.steps()).filteredOn(step -> step.kind().equals("ASSOCIATE_ELASTIC_IP"))
                .allSatisfy(step -> assertThat(step.status()).isEqualTo(StepStatus.PENDING));
        assertThat(provisioning.status(id)).isEqualTo(TopologyStatus.FAILED);
        mvc.perform(get("/api/topologies/{id}/runs/{runId}", id, failed.id()))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.steps[?(@.status == 'FAILED')].errorCode").value(
                        org.hamcrest.Matchers.hasItem("InvalidAMIID.NotFound")));
        assertThat(liveInstances(id)).isEmpty();

        // Resuming unchanged fails the same way
        RunView again = await(provisioning.resume(id, failed.id()).id());
        assertThat(again.status()).isEqualTo(RunStatus.FAILED);

        // Fix the design (Amazon Linux 2023), resume the same run: it converges
        topologies.update(id, new TopologySpec(broken.name(), targetId, REGION, broken.vpcCidr(),
                topology.spec().availabilityZones(), broken.natLayout(), broken.privateRouting(),
                new NatInstanceSpec("t4g.nano", ImageChoice.AMAZON_LINUX_2023, null, null, false, null),
                TopologyOptions.none()));
        mvc.perform(post("/api/topologies/{id}/runs/{runId}/resume", id, failed.id()))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.id").value(failed.id()));
        RunView resumed = await(failed.id());
        assertThat(resumed.status()).as(resumed.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(resumed.error()).isNull();
        assertThat(resumed.steps()).allSatisfy(step -> {
            assertThat(step.status()).isEqualTo(StepStatus.DONE);
            assertThat(step.errorCode()).isNull();
        });
        assertThat(vpcs(id)).hasSize(1);
        assertThat(allInstances(id)).hasSize(2);
        assertThat(addresses(id)).hasSize(2);
        assertThat(provisioning.status(id)).isEqualTo(TopologyStatus.APPLIED);
    }

    @Test
    void unknownKeyPairFailsTheRunAndTheTopologyCanBeDestroyed() {
        Topology topology = create(spec(1, NatLayout.NAT_INSTANCE_PER_AZ, PrivateRouting.ROUTE_TABLE_PER_AZ,
                new NatInstanceSpec("t3.nano", ImageChoice.AMAZON_LINUX_2023, null, null, false, "no-such-key"),
                TopologyOptions.none()));
        long id = topology.id();

        RunView failed = await(provisioning.apply(id).id());

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.steps()).filteredOn(step -> step.status() == StepStatus.FAILED).singleElement()
                .satisfies(step -> assertThat(step.errorCode()).isEqualTo("InvalidKeyPair.NotFound"));
        assertThat(vpcs(id)).hasSize(1);

        RunView destroy = await(provisioning.destroy(id).id());
        assertThat(destroy.status()).as(destroy.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(destroy.steps()).filteredOn(step -> step.kind().equals("RUN_INSTANCE"))
                .singleElement().satisfies(step -> assertThat(step.status()).isEqualTo(StepStatus.SKIPPED));
        assertThat(vpcs(id)).isEmpty();
        assertThat(subnets(id)).isEmpty();
        assertThat(addresses(id)).isEmpty();
        assertThat(provisioning.status(id)).isEqualTo(TopologyStatus.DESTROYED);
        // The failed apply is no longer the latest run: it cannot be resumed any more
        assertThatThrownBy(() -> provisioning.resume(id, failed.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void fckNatImageMissingFromTheRegionFailsWithAClearMessage() {
        Topology topology = create(spec(1, NatLayout.NAT_INSTANCE_PER_AZ, PrivateRouting.ROUTE_TABLE_PER_AZ,
                new NatInstanceSpec("t4g.nano", ImageChoice.FCK_NAT, null, null, false, null),
                TopologyOptions.none()));

        RunView failed = await(provisioning.apply(topology.id()).id());

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.steps()).filteredOn(step -> step.status() == StepStatus.FAILED).singleElement()
                .satisfies(step -> {
                    assertThat(step.errorCode()).isEqualTo("ImageNotFound");
                    assertThat(step.errorMessage()).contains("568608671756").contains("arm64");
                });
    }

    @Test
    void throttledCallsAreRetriedWithBackoffAndTheRunSucceeds() {
        Topology topology = create(perAzSpec(1));
        ApiCallCounter.reset();
        // EC2 answers RequestLimitExceeded twice: the client's standard retry strategy backs off and tries again.
        ThrottlingInjector.throttle("ModifyVpcAttribute", 2);
        try {
            RunView run = await(provisioning.apply(topology.id()).id());
            assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.SUCCEEDED);
        } finally {
            ThrottlingInjector.clear();
        }
        assertThat(ApiCallCounter.byOperation()).containsEntry("Ec2:ModifyVpcAttribute", 3);
    }

    @Test
    void throttlingBeyondTheRetryBudgetFailsTheStepWithTheAwsCode() {
        Topology topology = create(perAzSpec(1));
        ThrottlingInjector.throttle("ModifyVpcAttribute", 10);
        RunView run;
        try {
            run = await(provisioning.apply(topology.id()).id());
        } finally {
            ThrottlingInjector.clear();
        }
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.steps()).filteredOn(step -> step.status() == StepStatus.FAILED).singleElement()
                .satisfies(step -> {
                    assertThat(step.kind()).isEqualTo("ENABLE_VPC_DNS_HOSTNAMES");
                    assertThat(step.errorCode()).isEqualTo("RequestLimitExceeded");
                });
        // and a resume (the throttling over) finishes it
        assertThat(await(provisioning.resume(topology.id(), run.id()).id()).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void unreachableTargetFailsTheRunAsTargetUnreachable() {
        long deadTarget = targets.create(new dev.natconsole.target.NewTarget("dead-" + System.nanoTime(),
                dev.natconsole.target.TargetKind.EMULATOR, "http://127.0.0.1:1", null, REGION)).id();
        TopologySpec spec = perAzSpec(1);
        // Zones cannot be checked against a dead target, so the topology is saved against moto and then moved.
        Topology topology = create(spec);
        topologies.update(topology.id(), onTarget(topology.spec(), deadTarget));

        RunView failed = await(provisioning.apply(topology.id()).id());

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.steps()).filteredOn(step -> step.status() == StepStatus.FAILED)
                .allSatisfy(step -> assertThat(step.errorCode()).isEqualTo("TargetUnreachable"));

        // Nothing was made, so the topology may move back to a live target and be applied there
        topologies.update(topology.id(), onTarget(topology.spec(), targetId));
        assertThat(await(provisioning.apply(topology.id()).id()).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    private static TopologySpec onTarget(TopologySpec spec, long target) {
        return new TopologySpec(spec.name(), target, spec.region(), spec.vpcCidr(), spec.availabilityZones(),
                spec.natLayout(), spec.privateRouting(), spec.nat(), spec.options());
    }
}
