package dev.natconsole.provisioning.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.natconsole.provisioning.RunFinished;
import dev.natconsole.provisioning.RunKind;
import dev.natconsole.provisioning.RunStatus;
import dev.natconsole.provisioning.RunSummary;
import dev.natconsole.provisioning.StepEvent;
import dev.natconsole.provisioning.StepStatus;
import dev.natconsole.provisioning.StepView;
import dev.natconsole.provisioning.internal.RunStore.Resource;
import dev.natconsole.target.AwsClients;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.TopologySpec;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/**
 * Executes runs: loads a run's stored steps, then lets a {@link DagScheduler} run every step whose dependencies
 * are complete on a bounded pool, recording each step's start, end, AWS id or AWS error as it goes, and the
 * resources it made in {@code provisioned_resource}. A resumed run, or any run of a topology that has been run
 * before, first looks up everything tagged with the topology (one paginated DescribeTags) so that resources a
 * crashed attempt made are adopted, not made twice.
 */
@Component
public class ProvisioningEngine implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningEngine.class);

    private final RunStore store;
    private final Topologies topologies;
    private final AwsClients clients;
    private final StepHandlers handlers;
    private final RunEvents events;
    private final ApplicationEventPublisher publisher;
    /** Bounded: the steps of all runs share it. */
    private final ExecutorService executor;
    /** One thread per executing run, which only waits for its steps; never takes a step thread. */
    private final ExecutorService coordinators;
    private final List<StepListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, CompletableFuture<RunStatus>> active = new ConcurrentHashMap<>();
    private final Set<Execution> executing = ConcurrentHashMap.newKeySet();

    ProvisioningEngine(RunStore store, Topologies topologies, AwsClients clients, StepHandlers handlers,
            RunEvents events, ApplicationEventPublisher publisher,
            @Value("${natconsole.provisioning.parallelism:8}") int parallelism) {
        this.store = store;
        this.topologies = topologies;
        this.clients = clients;
        this.handlers = handlers;
        this.events = events;
        this.publisher = publisher;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(parallelism, parallelism, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "provisioning-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        AtomicInteger runThreads = new AtomicInteger();
        this.coordinators = java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "provisioning-run-" + runThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Hooks for tests and metrics; see {@link StepListener}. */
    public List<StepListener> listeners() {
        return listeners;
    }

    /** The completion of a run executing in this process, if it is. */
    public Optional<CompletableFuture<RunStatus>> activeRun(long runId) {
        return Optional.ofNullable(active.get(runId));
    }

    /**
     * Starts executing a run whose steps are stored and whose lock is held; returns at once. {@code resumed}
     * says the run has been attempted before, so AWS may hold resources it made without recording them.
     */
    public CompletableFuture<RunStatus> execute(long runId, boolean resumed) {
        CompletableFuture<RunStatus> done = new CompletableFuture<>();
        active.put(runId, done);
        store.heartbeat(List.of(runId));
        Execution execution = new Execution(store.run(runId).orElseThrow(), resumed);
        executing.add(execution);
        coordinators.execute(() -> {
            RunStatus status;
            try {
                status = execution.run();
            } catch (Throwable e) {
                log.error("Run {} stopped unexpectedly", runId, e);
                status = execution.fail("The run stopped unexpectedly: " + e);
            }
            executing.remove(execution);
            active.remove(runId);
            done.complete(status);
        });
        return done;
    }

    /**
     * Runs that the database says are RUNNING but that no thread of this process executes were cut off by a
     * stop or a crash: mark them INTERRUPTED (their running steps failed with code Interrupted) and free their
     * topologies, so they can be resumed.
     */
    public List<Long> recoverInterruptedRuns() {
        return interrupt(store.runsWithStatus(RunStatus.RUNNING));
    }

    /**
     * Like {@link #recoverInterruptedRuns} for consoles sharing a database: only runs whose console has written no
     * heartbeat since {@code cutoff} are taken for dead, so another live console's runs are left alone.
     */
    public List<Long> recoverOrphanedRuns(java.time.Instant cutoff) {
        return interrupt(store.orphanedRuns(cutoff));
    }

    /** Tells the database this console still executes its runs (see {@link #recoverOrphanedRuns}). */
    public void heartbeat() {
        store.heartbeat(List.copyOf(active.keySet()));
    }

    private List<Long> interrupt(List<RunSummary> candidates) {
        List<Long> recovered = new java.util.ArrayList<>();
        for (RunSummary run : candidates) {
            if (active.containsKey(run.id())) {
                continue;
            }
            store.interruptRunningSteps(run.id(), "the console stopped while this step was running");
            store.setRunStatus(run.id(), RunStatus.INTERRUPTED,
                    "The console stopped while this run was going; resume it to finish");
            store.unlock(run.topologyId(), run.id());
            recovered.add(run.id());
            log.warn("Run {} of topology {} was interrupted; it can be resumed", run.id(), run.topologyId());
        }
        return recovered;
    }

    /** One run being executed. */
    private final class Execution {

        private final RunSummary run;
        private final boolean resumed;
        private volatile boolean abandoned;

        Execution(RunSummary run, boolean resumed) {
            this.run = run;
            this.resumed = resumed;
        }

        RunStatus run() {
            log.info("{} run {} of topology {} {}", run.kind(), run.id(), run.topologyId(),
                    resumed ? "resumed" : "started");
            List<RunStep> steps = PlanJson.read(store.planJson(run.id()));
            Map<String, RunStep> byId = new HashMap<>();
            steps.forEach(step -> byId.put(step.id(), step));
            List<StepView> recorded = store.steps(run.id());
            Set<String> complete = new HashSet<>();
            for (StepView step : recorded) {
                if (step.status().complete()) {
                    complete.add(step.logicalId());
                }
            }
            TopologySpec spec = topologies.get(run.topologyId()).spec();
            // Where the run was started, even if the design has been moved since.
            RunContext context = new RunContext(run.id(), run.kind(), run.topologyId(), spec.name(),
                    clients.ec2(run.targetId(), run.region()), clients.ssm(run.targetId(), run.region()),
                    store.resources(run.topologyId()));
            // Only the very first attempt of a topology's first run can skip the look-up: nothing can exist yet.
            boolean mayHaveLeftovers = resumed || store.runs(run.topologyId()).size() > 1;
            if (mayHaveLeftovers) {
                try {
                    context.tagged(taggedResources(context));
                } catch (AwsServiceException | SdkClientException e) {
                    return fail("Looking up the topology's tagged resources failed: " + describe(e)[1]);
                }
            }
            if (run.kind() == RunKind.DESTROY) {
                adoptUnrecorded(context, steps);
            }
            DagScheduler scheduler = new DagScheduler(
                    steps.stream().map(step -> new DagScheduler.Node(step.id(), step.dependsOn())).toList(),
                    complete, executor, id -> step(context, byId.get(id)));
            DagScheduler.Result result = scheduler.start().join();
            return switch (result.outcome()) {
                case ABANDONED -> RunStatus.RUNNING;
                case FAILED -> fail(summary(result.failures()));
                case COMPLETED -> succeed();
            };
        }

        private void step(RunContext context, RunStep step) {
            if (abandoned) {
                throw new DagScheduler.Abandon(null);
            }
            StepContext stepContext = new StepContext(context, step);
            if (run.kind() == RunKind.DESTROY && !step.isSweep() && stepContext.own() == null) {
                record(() -> store.stepFinished(run.id(), step.id(), StepStatus.SKIPPED, null), step);
                return;
            }
            record(() -> store.stepRunning(run.id(), step.id()), step);
            StepOutcome outcome;
            try {
                listeners.forEach(listener -> listener.beforeStep(run.id(), step));
                outcome = perform(stepContext, step);
            } catch (RuntimeException e) {
                String[] error = describe(e);
                record(() -> store.stepFailed(run.id(), step.id(), error[0], error[1]), step);
                throw e;
            }
            try {
                for (StepListener listener : listeners) {
                    listener.afterStep(run.id(), step, outcome);
                }
            } catch (RuntimeException | Error e) {
                // The console "dies" here: nothing more of this run is recorded.
                abandoned = true;
                throw new DagScheduler.Abandon(e);
            }
            StepOutcome finalOutcome = outcome;
            record(() -> {
                if (run.kind() == RunKind.APPLY && finalOutcome.awsId() != null) {
                    Resource resource = new Resource(step.id(), step.kind(), finalOutcome.awsId(), finalOutcome.detail());
                    store.saveResource(run.topologyId(), resource);
                    context.resources().put(step.id(), resource);
                } else if (run.kind() == RunKind.DESTROY && !step.isSweep()) {
                    store.deleteResource(run.topologyId(), step.id());
                    context.resources().remove(step.id());
                }
                store.stepFinished(run.id(), step.id(), finalOutcome.skipped() ? StepStatus.SKIPPED : StepStatus.DONE,
                        finalOutcome.awsId());
            }, step);
        }

        private StepOutcome perform(StepContext context, RunStep step) {
            if (step.isSweep()) {
                Set<String> keep = new HashSet<>();
                context.resources().values().stream().filter(r -> r.kind().equals("CREATE_VPC"))
                        .forEach(r -> keep.add(r.awsId()));
                List<String> swept = new Sweeper(context.ec2(), run.topologyId()).sweep(keep);
                return new StepOutcome(swept.isEmpty() ? null : String.join(",", swept), null, false, false);
            }
            StepHandler handler = handlers.get(step.actionKind());
            return run.kind() == RunKind.APPLY ? handler.apply(context) : handler.undo(context);
        }

        /** Writes to the database and tells the event stream, unless the run has been abandoned. */
        private void record(Runnable write, RunStep step) {
            if (abandoned) {
                throw new DagScheduler.Abandon(null);
            }
            write.run();
            events.step(new StepEvent(run.id(), store.step(run.id(), step.id())));
        }

        /**
         * For a destroy: a resource that a crashed apply made but never recorded is found by its tags and undone
         * by its own step, in order, like the recorded ones (an unrecorded instance is terminated before its
         * subnet goes).
         */
        private void adoptUnrecorded(RunContext context, List<RunStep> steps) {
            for (RunStep step : steps) {
                if (step.isSweep() || context.resources().containsKey(step.id())) {
                    continue;
                }
                String prefix = ResourcePrefixes.of(step.actionKind());
                if (prefix == null) {
                    continue;
                }
                context.tagged().getOrDefault(step.id(), List.of()).stream().filter(id -> id.startsWith(prefix))
                        .findFirst().ifPresent(id -> context.resources().put(step.id(),
                                new Resource(step.id(), step.kind(), id, null)));
            }
        }

        private Map<String, List<String>> taggedResources(RunContext context) {
            Map<String, String> topologyOf = new HashMap<>();
            Map<String, String> logicalIdOf = new HashMap<>();
            for (TagDescription tag : context.ec2().describeTagsPaginator(r -> r.filters(Filter.builder().name("key")
                    .values(StepContext.TAG_TOPOLOGY, StepContext.TAG_LOGICAL_ID).build())).tags()) {
                (tag.key().equals(StepContext.TAG_TOPOLOGY) ? topologyOf : logicalIdOf).put(tag.resourceId(),
                        tag.value());
            }
            String topology = Long.toString(run.topologyId());
            Set<String> candidates = new HashSet<>();
            logicalIdOf.keySet().stream().filter(id -> topology.equals(topologyOf.get(id))).forEach(candidates::add);
            Set<String> live = LiveResources.of(context.ec2(), candidates);
            Map<String, List<String>> byLogicalId = new HashMap<>();
            logicalIdOf.forEach((resourceId, logicalId) -> {
                if (live.contains(resourceId)) {
                    byLogicalId.computeIfAbsent(logicalId, id -> new java.util.ArrayList<>()).add(resourceId);
                }
            });
            return byLogicalId;
        }

        private RunStatus succeed() {
            if (abandoned) {
                return RunStatus.RUNNING;
            }
            if (run.kind() == RunKind.DESTROY) {
                store.deleteResources(run.topologyId());
            }
            return finish(RunStatus.SUCCEEDED, null);
        }

        RunStatus fail(String error) {
            if (abandoned) {
                return RunStatus.RUNNING;
            }
            return finish(RunStatus.FAILED, error);
        }

        private RunStatus finish(RunStatus status, String error) {
            log.info("{} run {} of topology {} {}{}", run.kind(), run.id(), run.topologyId(), status,
                    error == null ? "" : ": " + error);
            store.setRunStatus(run.id(), status, error);
            store.unlock(run.topologyId(), run.id());
            store.view(run.id()).ifPresent(events::finished);
            publisher.publishEvent(new RunFinished(run.topologyId(), run.id(), run.kind(), status));
            return status;
        }

        private String summary(Map<String, Throwable> failures) {
            StringBuilder summary = new StringBuilder();
            failures.forEach((id, e) -> {
                String[] error = describe(e);
                if (!summary.isEmpty()) {
                    summary.append("; ");
                }
                summary.append("Step ").append(id).append(" failed: ").append(error[0]).append(": ").append(error[1]);
            });
            return summary.toString();
        }
    }

    /** {code, message} for a step's failure: AWS's own error code when AWS refused the call. */
    static String[] describe(Throwable e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return new String[] {aws.awsErrorDetails().errorCode(), aws.awsErrorDetails().errorMessage()};
        }
        if (e instanceof SdkClientException) {
            return new String[] {"TargetUnreachable", "the target could not be reached: " + e.getMessage()};
        }
        if (e instanceof StepFailure failure) {
            return new String[] {failure.code(), failure.getMessage()};
        }
        return new String[] {"InternalError", String.valueOf(e)};
    }

    /**
     * The console is stopping: runs still going are left as they stand (RUNNING in the database, like after a
     * crash) rather than failed by the interruption of their SDK calls; the next start marks them INTERRUPTED
     * and they can be resumed.
     */
    @Override
    public void destroy() {
        executing.forEach(execution -> {
            execution.abandoned = true;
            log.warn("Console stopping: run {} will be resumable after the restart", execution.run.id());
        });
        executor.shutdownNow();
        coordinators.shutdownNow();
    }
}
