package dev.natconsole.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.natconsole.provisioning.internal.PlanJson;
import dev.natconsole.provisioning.internal.RunStep;
import dev.natconsole.provisioning.internal.RunStore;
import dev.natconsole.provisioning.internal.StepListener;
import dev.natconsole.provisioning.internal.StepOutcome;
import dev.natconsole.testing.ApiCallCounter;
import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.topology.Topology;

/**
 * Applies a 1-, 2- and 6-AZ topology (a NAT instance per AZ) against moto and reports wall time, API calls
 * (counted by {@link ApiCallCounter} on the console's own clients) and the calls on the critical path: the
 * heaviest dependency chain of the plan, each step weighted by the calls it made. Run with
 * {@code ./mvnw -B -o -Pbench test}; see bench/README.md.
 */
@Tag("bench")
@ConsoleIntegrationTest
class ProvisioningBenchmark extends ProvisioningTestSupport {

    static final int REPEATS = 5;

    @org.springframework.beans.factory.annotation.Autowired
    RunStore store;

    @org.springframework.beans.factory.annotation.Value("${natconsole.provisioning.parallelism:8}")
    int parallelism;

    record Figures(int zones, int actions, long wallMillis, int calls, int criticalPathCalls, int waiterPolls,
            Map<String, Integer> byOperation, long minWallMillis) {

        Figures withMin(long min) {
            return new Figures(zones, actions, wallMillis, calls, criticalPathCalls, waiterPolls, byOperation, min);
        }
    }

    /** Simulated round trip per API call for the second series; AWS answers EC2 calls in roughly 50-200 ms. */
    static final long SIMULATED_LATENCY_MS = 50;

    @Test
    void applyOneTwoAndSixZones() throws IOException {
        listen(new StepListener() {
            @Override
            public void beforeStep(long runId, RunStep step) {
                ApiCallCounter.label(step.id());
            }

            @Override
            public void afterStep(long runId, RunStep step, StepOutcome outcome) {
                ApiCallCounter.label(null);
            }
        });
        measure(1); // warm-up: JIT, connection pools, moto's first requests
        StringBuilder report = new StringBuilder();
        List<Figures> loopback = series(0, report);
        List<Figures> latency;
        try {
            ApiCallCounter.latency(SIMULATED_LATENCY_MS);
            latency = series(SIMULATED_LATENCY_MS, report);
        } finally {
            ApiCallCounter.latency(0);
        }
        for (Figures f : loopback) {
            report.append(f.zones()).append(" AZ calls by operation: ").append(f.byOperation()).append('\n');
        }
        System.out.println(report);
        Path out = Path.of("bench", "results", "apply-p" + parallelism + "-" + System.currentTimeMillis() + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        for (List<Figures> results : List.of(loopback, latency)) {
            for (Figures f : results) {
                // One call per planned action, plus one image look-up per run, plus the waiter's polls.
                assertThat(f.calls()).as("%d AZ", f.zones()).isLessThanOrEqualTo(f.actions() + 1 + f.waiterPolls());
            }
            // Six AZs add steps beside the one-AZ chain, not on it.
            assertThat(results.get(2).criticalPathCalls()).isEqualTo(results.get(0).criticalPathCalls());
        }
    }

    private List<Figures> series(long latencyMillis, StringBuilder report) {
        List<Figures> results = new ArrayList<>();
        for (int zones : new int[] {1, 2, 6}) {
            List<Figures> runs = new ArrayList<>();
            for (int i = 0; i < REPEATS; i++) {
                runs.add(measure(zones));
            }
            runs.sort((a, b) -> Long.compare(a.wallMillis(), b.wallMillis()));
            results.add(runs.get(REPEATS / 2).withMin(runs.get(0).wallMillis())); // the median, and the fastest
        }
        report.append(String.format("%nstep parallelism %d, moto on loopback%s, median of %d applies each%n",
                parallelism, latencyMillis == 0 ? "" : " + " + latencyMillis + " ms simulated latency per call",
                REPEATS));
        report.append(String.format("%-6s %-8s %-14s %-10s %-10s %-20s %-12s%n", "AZs", "actions", "median wall ms",
                "min ms", "API calls", "critical-path calls", "waiter polls"));
        for (Figures f : results) {
            report.append(String.format("%-6d %-8d %-14d %-10d %-10d %-20d %-12d%n", f.zones(), f.actions(),
                    f.wallMillis(), f.minWallMillis(), f.calls(), f.criticalPathCalls(), f.waiterPolls()));
        }
        report.append(String.format("6-AZ / 1-AZ wall time: %.2f median, %.2f fastest (6 x would be 6.00)%n",
                (double) results.get(2).wallMillis() / results.get(0).wallMillis(),
                (double) results.get(2).minWallMillis() / results.get(0).minWallMillis()));
        return results;
    }

    private Figures measure(int zones) {
        Topology topology = create(perAzSpec(zones));
        ApiCallCounter.reset();
        long start = System.nanoTime();
        RunView run = applied(topology.id());
        long wall = (System.nanoTime() - start) / 1_000_000;
        Map<String, Integer> byLabel = ApiCallCounter.byLabel();
        Map<String, Integer> byOperation = ApiCallCounter.byOperation();
        int calls = ApiCallCounter.total();
        List<RunStep> steps = PlanJson.read(store.planJson(run.id()));
        // On a fresh topology the only describes are the instance-running waiter's polls.
        int waiterPolls = byOperation.getOrDefault("Ec2:DescribeInstances", 0);
        return new Figures(zones, steps.size(), wall, calls, criticalPath(steps, byLabel), waiterPolls, byOperation,
                wall);
    }

    /** The largest sum of calls along any dependency chain. */
    static int criticalPath(List<RunStep> steps, Map<String, Integer> callsByStep) {
        Map<String, Integer> heaviest = new HashMap<>();
        for (RunStep step : steps) { // plan order is a topological order
            int before = step.dependsOn().stream().mapToInt(heaviest::get).max().orElse(0);
            heaviest.put(step.id(), before + callsByStep.getOrDefault(step.id(), 0));
        }
        return heaviest.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
