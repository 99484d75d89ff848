package dev.natconsole.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.natconsole.provisioning.internal.DagScheduler.Node;
import dev.natconsole.provisioning.internal.DagScheduler.Outcome;

class DagSchedulerTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static Node node(String id, String... dependsOn) {
        return new Node(id, List.of(dependsOn));
    }

    /** vpc -> (subnet-a, subnet-b, subnet-c) -> nat-x -> route-x, and igw independent. */
    private static List<Node> threeZones() {
        return List.of(node("vpc"), node("igw"), node("subnet-a", "vpc"), node("subnet-b", "vpc"),
                node("subnet-c", "vpc"), node("nat-a", "subnet-a", "igw"), node("nat-b", "subnet-b", "igw"),
                node("nat-c", "subnet-c", "igw"), node("route-a", "nat-a"), node("route-b", "nat-b"),
                node("route-c", "nat-c"));
    }

    @Test
    void runsEveryStepAfterItsDependenciesAndIndependentOnesSideBySide() throws Exception {
        Map<String, Long> finishedAt = new ConcurrentHashMap<>();
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        long start = System.nanoTime();
        var result = new DagScheduler(threeZones(), Set.of(), executor, id -> {
            startedAt.put(id, System.nanoTime());
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            Thread.sleep(100);
            concurrent.decrementAndGet();
            finishedAt.put(id, System.nanoTime());
        }).start().get(10, TimeUnit.SECONDS);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(finishedAt).hasSize(11);
        for (Node node : threeZones()) {
            for (String dependency : node.dependsOn()) {
                assertThat(startedAt.get(node.id())).as(node.id() + " after " + dependency)
                        .isGreaterThanOrEqualTo(finishedAt.get(dependency));
            }
        }
        // The critical path is 4 steps deep (vpc, subnet, nat, route): about 400 ms, not 11 x 100 ms.
        assertThat(elapsed).isLessThan(900);
        assertThat(maxConcurrent.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void skipsCompletedStepsOnAResume() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        var result = new DagScheduler(threeZones(), Set.of("vpc", "igw", "subnet-a", "nat-a"), executor,
                ran::add).start().get(10, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(ran).containsExactlyInAnyOrder("subnet-b", "subnet-c", "nat-b", "nat-c", "route-a", "route-b",
                "route-c");
    }

    @Test
    void afterAFailureNothingNewStartsAndTheFailureIsReported() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        var result = new DagScheduler(threeZones(), Set.of(), executor, id -> {
            ran.add(id);
            if (id.equals("vpc")) {
                throw new IllegalStateException("refused");
            }
        }).start().get(10, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.failures()).containsOnlyKeys("vpc");
        assertThat(ran).containsExactlyInAnyOrder("vpc", "igw");
    }

    @Test
    void abandonStopsTheRunAsACrashWould() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        var result = new DagScheduler(threeZones(), Set.of(), executor, id -> {
            ran.add(id);
            if (id.startsWith("subnet")) {
                throw new DagScheduler.Abandon(null);
            }
        }).start().get(10, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(ran).noneMatch(id -> id.startsWith("nat") || id.startsWith("route"));
    }

    @Test
    void anEmptyOrCompleteGraphCompletesAtOnce() throws Exception {
        assertThat(new DagScheduler(List.of(), Set.of(), executor, id -> {
        }).start().get(1, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(new DagScheduler(List.of(node("a")), Set.of("a"), executor, id -> {
            throw new AssertionError("must not run");
        }).start().get(1, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.COMPLETED);
    }
}
