package dev.natconsole.provisioning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.natconsole.provisioning.ProvisioningOutputs.Instance;
import dev.natconsole.provisioning.ProvisioningOutputs.Nat;
import dev.natconsole.provisioning.internal.DestroyPlanner;
import dev.natconsole.provisioning.internal.PlanJson;
import dev.natconsole.provisioning.internal.ProvisioningEngine;
import dev.natconsole.provisioning.internal.RunEvents;
import dev.natconsole.provisioning.internal.RunStep;
import dev.natconsole.provisioning.internal.RunStore;
import dev.natconsole.provisioning.internal.RunStore.Resource;
import dev.natconsole.provisioning.internal.StepHandlers;
import dev.natconsole.shared.ConflictException;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.shared.NotFoundException;
import dev.natconsole.topology.PlanBuilder;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.Topology;
import dev.natconsole.topology.TopologySpec;
import dev.natconsole.topology.ZoneSubnets;

/**
 * Applies, resumes and destroys topologies in AWS through their target's SDK clients. Runs execute in the
 * background: each call returns the new run at once, to be followed with {@link #run} or its event stream. One
 * run at a time per topology: a second gets a {@link ConflictException} (409).
 */
@Service
public class Provisioning {

    private final Topologies topologies;
    private final RunStore store;
    private final ProvisioningEngine engine;
    private final StepHandlers handlers;
    private final RunEvents events;
    private final dev.natconsole.target.AwsClients clients;

    Provisioning(Topologies topologies, RunStore store, ProvisioningEngine engine, StepHandlers handlers,
            RunEvents events, dev.natconsole.target.AwsClients clients) {
        this.topologies = topologies;
        this.store = store;
        this.engine = engine;
        this.handlers = handlers;
        this.events = events;
        this.clients = clients;
    }

    /**
     * Repairs drift: revokes rules that were added behind the console's back, then re-applies only the given
     * plan actions (in plan order, each waiting only for the others in the set), adopting what still exists
     * and replacing what changed. Empty when there was nothing to re-apply.
     */
    public java.util.Optional<RunView> repair(long topologyId, java.util.Collection<String> actionIds,
            List<ExtraRule> extraRules) {
        Topology topology = topologies.get(topologyId);
        // Repair acts where the resources are, like destroy and resume.
        Placement placement = deployedPlacement(topologyId).orElseGet(() -> {
            requireTarget(topology.spec());
            return new Placement(topology.spec().targetId(), topology.spec().region());
        });
        var ec2 = clients.ec2(placement.targetId(), placement.region());
        for (ExtraRule rule : extraRules) {
            dev.natconsole.provisioning.internal.RuleRevoker.revoke(ec2, rule);
        }
        java.util.Set<String> wanted = new java.util.HashSet<>(actionIds);
        List<RunStep> steps = PlanBuilder.build(topology.spec()).actions().stream()
                .filter(action -> wanted.contains(action.id()))
                .map(action -> new RunStep(action.id(), action.kind().name(), action.description(), action.zone(),
                        action.dependsOn().stream().filter(wanted::contains).toList(), action.params()))
                .toList();
        return steps.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(start(topologyId, RunKind.APPLY, placement, steps));
    }

    /** Starts applying the topology's current plan: every step, adopting what already exists. */
    public RunView apply(long topologyId) {
        Topology topology = topologies.get(topologyId);
        requireTarget(topology.spec());
        Placement placement = new Placement(topology.spec().targetId(), topology.spec().region());
        deployedPlacement(topologyId).filter(deployed -> !deployed.equals(placement)).ifPresent(deployed -> {
            throw new ConflictException("Topology " + topologyId + " has resources in target " + deployed.targetId()
                    + ", region " + deployed.region() + "; destroy them there before applying it to target "
                    + placement.targetId() + ", region " + placement.region());
        });
        List<RunStep> steps = PlanBuilder.build(topology.spec()).actions().stream().map(RunStep::of).toList();
        return start(topologyId, RunKind.APPLY, placement, steps);
    }

    /** Where a run executes: fixed when it starts, so that moving the design cannot strand resources. */
    private record Placement(long targetId, String region) {
    }

    /**
     * Where the topology's resources are, if it has any recorded: the place of its latest run (an apply
     * elsewhere is refused while they exist). A topology whose runs never made anything (say its target was
     * unreachable) is free to move.
     */
    private java.util.Optional<Placement> deployedPlacement(long topologyId) {
        if (store.resources(topologyId).isEmpty()) {
            return java.util.Optional.empty();
        }
        return store.latestRun(topologyId).map(run -> new Placement(run.targetId(), run.region()));
    }

    /**
     * Starts destroying what the topology's latest apply made, in reverse dependency order, then sweeping
     * anything still tagged with the topology.
     */
    public RunView destroy(long topologyId) {
        Topology topology = topologies.get(topologyId);
        Placement placement = deployedPlacement(topologyId).orElseGet(() -> {
            requireTarget(topology.spec());
            return new Placement(topology.spec().targetId(), topology.spec().region());
        });
        // Every step any apply of the topology ran (newest first wins), so that resources of an older design (an
        // AZ since removed, say) are undone too; the current plan when it was never applied.
        Map<String, RunStep> applied = new java.util.LinkedHashMap<>();
        store.runs(topologyId).stream().filter(run -> run.kind() == RunKind.APPLY)
                .forEach(run -> PlanJson.read(store.planJson(run.id()))
                        .forEach(step -> applied.putIfAbsent(step.id(), step)));
        if (applied.isEmpty()) {
            PlanBuilder.build(topology.spec()).actions().forEach(action -> applied.put(action.id(), RunStep.of(action)));
        }
        return start(topologyId, RunKind.DESTROY, placement,
                DestroyPlanner.plan(List.copyOf(applied.values()), handlers));
    }

    /**
     * Resumes a failed or interrupted run: its completed steps stay done, the others run again (adopting what a
     * crashed attempt made). An apply picks up changes to the design made since it failed (say a corrected AMI
     * id), as long as no completed step changed; otherwise destroy and apply again.
     */
    public RunView resume(long topologyId, long runId) {
        RunSummary run = store.run(runId).filter(r -> r.topologyId() == topologyId)
                .orElseThrow(() -> new NotFoundException("Run", runId));
        if (!run.status().resumable()) {
            throw new ConflictException("Run " + runId + " is " + run.status()
                    + "; only a FAILED or INTERRUPTED run can be resumed");
        }
        RunSummary latest = store.latestRun(topologyId).orElseThrow();
        if (latest.id() != runId) {
            throw new ConflictException("Run " + runId + " is not the topology's latest run (" + latest.id()
                    + " is); start a new apply or destroy instead");
        }
        if (!store.tryLock(topologyId, runId)) {
            throw new ConflictException(busy(topologyId));
        }
        try {
            if (run.kind() == RunKind.APPLY) {
                Topology topology = topologies.get(topologyId);
                if (!java.util.Objects.equals(topology.spec().targetId(), run.targetId())
                        || !topology.spec().region().equals(run.region())) {
                    throw new ConflictException("Run " + runId + " applies to target " + run.targetId() + ", region "
                            + run.region() + ", but the topology has moved; destroy it there first");
                }
                refreshPlan(runId, PlanBuilder.build(topology.spec()).actions().stream().map(RunStep::of).toList());
            }
            store.resetIncompleteSteps(runId);
            store.setRunStatus(runId, RunStatus.RUNNING, null);
        } catch (RuntimeException e) {
            store.unlock(topologyId, runId);
            throw e;
        }
        engine.execute(runId, true);
        return run(runId);
    }

    private void refreshPlan(long runId, List<RunStep> current) {
        List<RunStep> stored = PlanJson.read(store.planJson(runId));
        if (stored.equals(current)) {
            return;
        }
        Map<String, RunStep> currentById = new HashMap<>();
        current.forEach(step -> currentById.put(step.id(), step));
        Map<String, RunStep> storedById = new HashMap<>();
        stored.forEach(step -> storedById.put(step.id(), step));
        Map<String, StepView> carried = new HashMap<>();
        for (StepView step : store.steps(runId)) {
            if (step.status() != StepStatus.DONE) {
                continue;
            }
            RunStep now = currentById.get(step.logicalId());
            if (now == null || !now.equals(storedById.get(step.logicalId()))) {
                throw new ConflictException("The design changed for step " + step.logicalId()
                        + ", which is already applied; destroy the topology and apply it again");
            }
            carried.put(step.logicalId(), step);
        }
        store.replaceSteps(runId, current, carried);
    }

    /** The topology's runs, newest first. */
    public List<RunSummary> runs(long topologyId) {
        topologies.get(topologyId);
        return store.runs(topologyId);
    }

    /** A run with its steps. */
    public RunView run(long runId) {
        return store.view(runId).orElseThrow(() -> new NotFoundException("Run", runId));
    }

    /** A run of the given topology with its steps (404 if it belongs to another). */
    public RunView run(long topologyId, long runId) {
        RunView run = run(runId);
        if (run.topologyId() != topologyId) {
            throw new NotFoundException("Run", runId);
        }
        return run;
    }

    /**
     * A server-sent event stream of the run: a {@code run} event with the run as it stands, a {@code step} event
     * ({@link StepView}) each time a step changes state, and a last {@code run} event when it ends; a finished
     * run's stream is the first event alone.
     */
    public SseEmitter follow(long topologyId, long runId) {
        return events.subscribe(run(topologyId, runId));
    }

    /** Where the topology stands, from its latest run. */
    public TopologyStatus status(long topologyId) {
        topologies.get(topologyId);
        return store.latestRun(topologyId).map(run -> switch (run.status()) {
            case RUNNING -> run.kind() == RunKind.APPLY ? TopologyStatus.APPLYING : TopologyStatus.DESTROYING;
            case SUCCEEDED -> run.kind() == RunKind.APPLY ? TopologyStatus.APPLIED : TopologyStatus.DESTROYED;
            case FAILED, INTERRUPTED -> TopologyStatus.FAILED;
        }).orElse(TopologyStatus.DRAFT);
    }

    /** The NAT addresses and the seed's SSH and verification commands, from what has been provisioned. */
    public ProvisioningOutputs outputs(long topologyId) {
        TopologySpec spec = topologies.get(topologyId).spec();
        Map<String, Resource> resources = store.resources(topologyId);
        List<Nat> nats;
        if (spec.natLayout().usesInstances()) {
            nats = spec.natZones().stream().map(zone -> {
                String id = PlanBuilder.natId(zone.name());
                Resource instance = resources.get(id);
                Resource eip = resources.get("eip-" + id);
                return new Nat(zone.name(), id, awsId(instance), null, detail(eip), detail(instance), awsId(eip));
            }).toList();
        } else {
            nats = spec.availabilityZones().stream().map(ZoneSubnets::name).map(zone -> {
                String id = PlanBuilder.natGatewayId(zone);
                Resource eip = resources.get("eip-" + id);
                return new Nat(zone, id, null, awsId(resources.get(id)), detail(eip), null, awsId(eip));
            }).toList();
        }
        Resource server = resources.get(PlanBuilder.TEST_SERVER);
        Instance testServer = server == null ? null
                : new Instance(PlanBuilder.TEST_SERVER, server.awsId(), server.detail());
        String sshProxyCommand = null;
        if (spec.natLayout().usesInstances()) {
            String natIp = nats.stream().map(Nat::publicIp).filter(ip -> ip != null).findFirst().orElse("NAT_EIP");
            String privateIp = testServer != null && testServer.privateIp() != null ? testServer.privateIp()
                    : "PRIVATE_IP";
            String key = spec.nat().keyPairName();
            String natKey = key == null ? "NAT_KEY" : "~/.ssh/" + key + ".pem";
            String serverKey = key == null ? "SERVER_KEY" : "~/.ssh/" + key + ".pem";
            sshProxyCommand = "ssh -o ProxyCommand='ssh -i " + natKey + " ec2-user@" + natIp + " -W " + privateIp
                    + ":22' -i " + serverKey + " ec2-user@" + privateIp;
        }
        List<String> verify = spec.options().allowIcmp()
                ? List.of("ping -c 4 1.1.1.1", "curl -I https://aws.amazon.com")
                : List.of("curl -I https://aws.amazon.com");
        return new ProvisioningOutputs(topologyId, status(topologyId), awsId(resources.get(PlanBuilder.VPC)), nats,
                testServer, sshProxyCommand, verify);
    }

    private RunView start(long topologyId, RunKind kind, Placement placement, List<RunStep> steps) {
        long runId;
        try {
            runId = store.createLockedRun(topologyId, kind, placement.targetId(), placement.region(), steps);
        } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
            // The lock row exists, or another transaction is inserting it right now.
            throw new ConflictException(busy(topologyId));
        }
        engine.execute(runId, false);
        return run(runId);
    }

    private String busy(long topologyId) {
        return "Topology " + topologyId + " already has a run going"
                + store.lockHolder(topologyId).map(id -> " (run " + id + ")").orElse("");
    }

    private static void requireTarget(TopologySpec spec) {
        if (spec.targetId() == null) {
            throw new InvalidInputException("targetId", "the topology needs a target before it can be applied");
        }
    }

    private static String awsId(Resource resource) {
        return resource == null ? null : resource.awsId();
    }

    private static String detail(Resource resource) {
        return resource == null ? null : resource.detail();
    }
}
