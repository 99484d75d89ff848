package dev.natconsole.provisioning.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the steps of a dependency graph on an executor, each as soon as everything it depends on is complete, so
 * independent steps (one per AZ, say) run side by side and a run costs its critical path. The executor bounds
 * the parallelism. After a failure no new step starts; those running finish; the result names what failed.
 * A {@link Abandon} thrown by a step stops everything at once, as if the process had died.
 */
public final class DagScheduler {

    /** One step: its id and the ids it depends on. */
    public record Node(String id, List<String> dependsOn) {
    }

    @FunctionalInterface
    public interface StepRunner {
        /** Runs a step; returning means it is complete, an exception means it failed. */
        void run(String id) throws Exception;
    }

    /** Thrown by a step runner to stop the whole run without anything more being recorded. */
    public static final class Abandon extends RuntimeException {
        public Abandon(Throwable cause) {
            super(cause);
        }
    }

    public enum Outcome {
        COMPLETED, FAILED, ABANDONED
    }

    public record Result(Outcome outcome, Map<String, Throwable> failures) {
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, List<String>> dependents = new HashMap<>();
    private final Map<String, Integer> waitingOn = new HashMap<>();
    private final Set<String> complete = new HashSet<>();
    private final Map<String, Throwable> failures = new LinkedHashMap<>();
    private final Executor executor;
    private final StepRunner runner;
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private int running;
    private boolean stopping;
    private boolean abandoned;

    public DagScheduler(List<Node> graph, Set<String> alreadyComplete, Executor executor, StepRunner runner) {
        this.executor = executor;
        this.runner = runner;
        for (Node node : graph) {
            nodes.put(node.id(), node);
        }
        for (Node node : graph) {
            for (String dependency : node.dependsOn()) {
                if (!nodes.containsKey(dependency)) {
                    throw new IllegalArgumentException(node.id() + " depends on unknown step " + dependency);
                }
                dependents.computeIfAbsent(dependency, d -> new ArrayList<>()).add(node.id());
            }
        }
        complete.addAll(alreadyComplete);
        for (Node node : graph) {
            waitingOn.put(node.id(), (int) node.dependsOn().stream().filter(d -> !complete.contains(d)).count());
        }
    }

    /** Starts the ready steps; the future completes when nothing more will run. */
    public CompletableFuture<Result> start() {
        List<String> ready;
        synchronized (this) {
            ready = nodes.keySet().stream().filter(id -> !complete.contains(id) && waitingOn.get(id) == 0).toList();
            running += ready.size();
        }
        ready.forEach(this::submit);
        synchronized (this) {
            finishIfIdle();
        }
        return result;
    }

    private void submit(String id) {
        try {
            executor.execute(() -> execute(id));
        } catch (RejectedExecutionException e) {
            finished(id, e);
        }
    }

    private void execute(String id) {
        Throwable failure = null;
        try {
            runner.run(id);
        } catch (Throwable e) {
            failure = e;
        }
        finished(id, failure);
    }

    private void finished(String id, Throwable failure) {
        List<String> ready = new ArrayList<>();
        synchronized (this) {
            running--;
            if (failure instanceof Abandon) {
                abandoned = true;
                stopping = true;
            } else if (failure != null) {
                failures.put(id, failure);
                stopping = true;
            } else {
                complete.add(id);
                if (!stopping) {
                    for (String dependent : dependents.getOrDefault(id, List.of())) {
                        int left = waitingOn.merge(dependent, -1, Integer::sum);
                        if (left == 0 && !complete.contains(dependent)) {
                            ready.add(dependent);
                        }
                    }
                    running += ready.size();
                }
            }
        }
        ready.forEach(this::submit);
        synchronized (this) {
            finishIfIdle();
        }
    }

    private void finishIfIdle() {
        if (running > 0 || result.isDone()) {
            return;
        }
        if (abandoned) {
            result.complete(new Result(Outcome.ABANDONED, Map.copyOf(failures)));
        } else if (!failures.isEmpty()) {
            result.complete(new Result(Outcome.FAILED, Map.copyOf(failures)));
        } else if (complete.containsAll(nodes.keySet())) {
            result.complete(new Result(Outcome.COMPLETED, Map.of()));
        } else {
            result.complete(new Result(Outcome.FAILED, Map.of("(graph)",
                    new IllegalStateException("steps never became ready: a dependency cycle"))));
        }
    }
}
