package dev.natconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.natconsole.inventory.internal.Discovery;
import dev.natconsole.target.NewTarget;
import dev.natconsole.target.TargetKind;
import dev.natconsole.target.Targets;
import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.testing.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The scan benchmark described in bench/README.md: moto seeded with 100 VPCs and 500 instances over four regions,
 * then (1) each region discovered on a client whose API calls an ExecutionInterceptor counts, and (2) the console's
 * own concurrent scan of all four regions, timed end to end. Not part of the normal build (its name matches no
 * surefire include); run it with {@code ./mvnw -o test -Dtest=InventoryScanBench}.
 */
@Tag("bench")
@ConsoleIntegrationTest
class InventoryScanBench {

    static final List<String> REGIONS = List.of("ap-northeast-1", "us-east-1", "eu-west-1", "us-west-2");
    static final int VPCS_PER_REGION = 25;
    static final int INSTANCES_PER_VPC = 5;

    @Autowired
    Inventory inventory;

    @Autowired
    Targets targets;

    /** Counts every HTTP attempt per operation, retries included. */
    static final class CallCounter implements ExecutionInterceptor {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    key -> new AtomicInteger()).incrementAndGet();
        }

        int total() {
            return calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        Map<String, Integer> byOperation() {
            Map<String, Integer> sorted = new TreeMap<>();
            calls.forEach((operation, count) -> sorted.put(operation, count.get()));
            return sorted;
        }
    }

    static Ec2Client client(MotoServer moto, String region, ExecutionInterceptor interceptor) {
        return Ec2Client.builder().region(Region.of(region)).endpointOverride(moto.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(config -> config.addExecutionInterceptor(interceptor)).build();
    }

    /** Per VPC: public and private subnet, five instances in one RunInstances, the first made the private NAT. */
    static int seed(Ec2Client ec2, int vpcs) {
        HandBuiltNetwork net = new HandBuiltNetwork(ec2);
        String image = net.image("al2023-ami-2023*");
        String zone = ec2.describeAvailabilityZones().availabilityZones().get(0).zoneName();
        int instances = 0;
        for (int v = 0; v < vpcs; v++) {
            String vpc = net.vpc("10." + v + ".0.0/16");
            String pub = net.subnet(vpc, "10." + v + ".0.0/24", zone);
            String priv = net.subnet(vpc, "10." + v + ".1.0/24", zone);
            List<Instance> launched = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").subnetId(pub)
                    .minCount(INSTANCES_PER_VPC).maxCount(INSTANCES_PER_VPC)).instances();
            instances += launched.size();
            String nat = launched.get(0).instanceId();
            ec2.modifyInstanceAttribute(r -> r.instanceId(nat)
                    .sourceDestCheck(AttributeBooleanValue.builder().value(false).build()));
            net.routeToInstance(net.routeTable(vpc, priv), nat);
        }
        return instances;
    }

    @Test
    void scan(MotoServer moto) throws Exception {
        StringBuilder report = new StringBuilder();
        long seedStart = System.nanoTime();
        ExecutorService seeders = Executors.newFixedThreadPool(REGIONS.size());
        List<Future<Integer>> seeded = new ArrayList<>();
        for (String region : REGIONS) {
            seeded.add(seeders.submit(() -> seed(moto.ec2(region), VPCS_PER_REGION)));
        }
        int instances = 0;
        for (Future<Integer> future : seeded) {
            instances += future.get();
        }
        seeders.shutdown();
        int vpcs = REGIONS.size() * VPCS_PER_REGION;
        assertThat(vpcs).isGreaterThanOrEqualTo(100);
        assertThat(instances).isGreaterThanOrEqualTo(500);
        line(report, "Seeded %d VPCs and %d instances (%d NAT instances) in %d regions in %.1f s", vpcs, instances,
                vpcs, REGIONS.size(), (System.nanoTime() - seedStart) / 1e9);

        // 1. Discovery alone, one region at a time, on a client with a counting interceptor.
        Discovery discovery = new Discovery(Clock.systemUTC());
        for (String region : REGIONS) {
            CallCounter counter = new CallCounter();
            try (Ec2Client ec2 = client(moto, region, counter)) {
                discovery.discover(ec2, region); // warm-up: connection pool, endpoint rules
                counter.calls.clear();
                long start = System.nanoTime();
                Discovery.Result result = discovery.discover(ec2, region);
                double millis = (System.nanoTime() - start) / 1e6;
                assertThat(result.apiCalls()).as("self-count matches the interceptor").isEqualTo(counter.total());
                assertThat(result.network().vpcs()).hasSize(VPCS_PER_REGION + 1); // + moto's default VPC
                line(report, "%s: %d VPCs, %d subnets, %d route tables, %d instances fetched, %d API calls in %.0f ms %s",
                        region, result.network().vpcs().size(), result.network().subnets().size(),
                        result.network().routeTables().size(), result.network().instances().size(), counter.total(),
                        millis, counter.byOperation());
            }
        }
        // The same calls for an empty region: the count follows pages, not resources.
        CallCounter empty = new CallCounter();
        try (Ec2Client ec2 = client(moto, "ap-southeast-1", empty)) {
            discovery.discover(ec2, "ap-southeast-1");
        }
        line(report, "ap-southeast-1 (only moto's default VPC): %d API calls %s", empty.total(), empty.byOperation());

        // The same region read with pages of 5 (the smallest EC2 accepts): only the number of pages changes the
        // count. moto pages only DescribeInstances (by reservation), so that is where it shows.
        for (int pageSize : new int[] {5, 10}) {
            CallCounter paged = new CallCounter();
            try (Ec2Client ec2 = client(moto, REGIONS.get(0), paged)) {
                Discovery.Result result = new Discovery(Clock.systemUTC(), pageSize).discover(ec2, REGIONS.get(0));
                assertThat(result.apiCalls()).isEqualTo(paged.total());
                assertThat(result.network().instances()).hasSize(VPCS_PER_REGION);
            }
            line(report, "%s with pages of %d: %d API calls %s", REGIONS.get(0), pageSize, paged.total(),
                    paged.byOperation());
        }

        // 2. The console's scan: four regions concurrently on its bounded pool, timed end to end.
        long targetId = targets.create(new NewTarget("bench", TargetKind.EMULATOR, moto.endpoint().toString(), null,
                REGIONS.get(0))).id();
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            String id = inventory.startScan(new ScanRequest(List.of(targetId), REGIONS)).id();
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> inventory.scan(id).done() == REGIONS.size());
            double millis = (System.nanoTime() - start) / 1e6;
            ScanStatus status = inventory.scan(id);
            assertThat(status.state()).isEqualTo(ScanStatus.State.SUCCEEDED);
            int nats = inventory.natInstances(new InventoryQuery(targetId, null, null, null, null)).size();
            assertThat(nats).isEqualTo(vpcs);
            line(report, "Console scan %d: %d regions concurrently, %d API calls, wall %.0f ms (per region: %s); "
                    + "%d NAT instances listed", round, status.total(), status.apiCalls(), millis,
                    status.regions().stream().map(r -> r.region() + " " + r.durationMillis() + " ms").toList(), nats);
        }
        targets.delete(targetId);

        Path out = Path.of("target", "bench", "inventory-scan.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private static void line(StringBuilder report, String format, Object... args) {
        report.append(String.format(java.util.Locale.ROOT, format, args)).append('\n');
    }
}
