package dev.natconsole.inventory.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.natconsole.inventory.ScanRequest;
import dev.natconsole.inventory.ScanStatus;
import dev.natconsole.inventory.ScanStatus.RegionScan;
import dev.natconsole.inventory.ScanStatus.State;
import dev.natconsole.shared.FieldProblem;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.shared.Regions;
import dev.natconsole.target.AwsClients;
import dev.natconsole.target.Target;
import dev.natconsole.target.Targets;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * Runs scans: every (target, region) of a scan is one task on a bounded pool, so regions are read concurrently
 * and a slow region never blocks the others. Each finished region replaces its entry in an in-memory cache that
 * every list reads; a failed region keeps its previous entry. The last few scans are kept for their progress.
 */
@Component
public class InventoryScanner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InventoryScanner.class);

    record Key(long targetId, String region) {
    }

    private final AwsClients clients;
    private final Targets targets;
    private final Clock clock;
    private final InventoryProperties properties;
    private final Discovery discovery;
    private final ExecutorService executor;
    private final Map<Key, RegionInventory> cache = new ConcurrentHashMap<>();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    InventoryScanner(AwsClients clients, Targets targets, Clock clock, InventoryProperties properties) {
        this.clients = clients;
        this.targets = targets;
        this.clock = clock;
        this.properties = properties;
        this.discovery = new Discovery(clock);
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "inventory-scan-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = new ThreadPoolExecutor(properties.scanThreads(), properties.scanThreads(), 60,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    }

    /** Starts a scan and returns at once; follow it with {@link #status}. */
    public ScanStatus start(ScanRequest request, String trigger) {
        List<Target> chosen = request.targetIds().isEmpty() ? targets.list()
                : request.targetIds().stream().distinct().map(targets::get).toList();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < request.regions().size(); i++) {
            if (!Regions.isKnown(request.regions().get(i))) {
                problems.add(new FieldProblem("regions[" + i + "]",
                        "'" + request.regions().get(i) + "' is not an AWS region"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Run run = new Run("scan-" + sequence.incrementAndGet(), trigger, clock.instant());
        List<Runnable> tasks = new ArrayList<>();
        for (Target target : chosen) {
            List<String> regions;
            try {
                regions = regionsOf(target, request);
            } catch (AwsServiceException | SdkClientException e) {
                run.add(new Key(target.id(), target.defaultRegion()))
                        .finish(State.FAILED, 1, null, "could not list the account's regions: " + message(e),
                                clock.instant());
                continue;
            }
            for (String region : regions) {
                Key key = new Key(target.id(), region);
                RegionRun regionRun = run.add(key);
                tasks.add(() -> scanRegion(regionRun, key));
            }
        }
        remember(run);
        tasks.forEach(executor::execute);
        return run.status(clock);
    }

    public Optional<ScanStatus> status(String id) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(id)).map(run -> run.status(clock));
        }
    }

    /** The remembered scans, newest first. */
    public List<ScanStatus> recent() {
        synchronized (runs) {
            List<ScanStatus> statuses = new ArrayList<>();
            runs.values().forEach(run -> statuses.add(0, run.status(clock)));
            return statuses;
        }
    }

    /** Whether a scan is still going, so that the schedule does not pile up scans behind a slow one. */
    public boolean busy() {
        synchronized (runs) {
            return runs.values().stream().anyMatch(run -> !run.finished());
        }
    }

    /** Scans one region now, on the caller's thread, and caches it: for views that must be current (drift). */
    public RegionInventory refresh(long targetId, String region) {
        targets.get(targetId);
        return scan(new Key(targetId, region)).inventory();
    }

    public Collection<RegionInventory> cached() {
        return List.copyOf(cache.values());
    }

    public Optional<RegionInventory> cached(long targetId, String region) {
        return Optional.ofNullable(cache.get(new Key(targetId, region)));
    }

    private List<String> regionsOf(Target target, ScanRequest request) {
        if (!request.regions().isEmpty()) {
            return request.regions();
        }
        if (!properties.regions().isEmpty()) {
            return properties.regions();
        }
        // Only the regions the account has enabled: opted-out regions answer every call with an auth error.
        return clients.ec2(target.id(), target.defaultRegion()).describeRegions().regions().stream()
                .map(Region::regionName).sorted().toList();
    }

    private record Scanned(RegionInventory inventory, Views.Derived derived) {
    }

    private Scanned scan(Key key) {
        Discovery.Result result = discovery.discover(clients.ec2(key.targetId(), key.region()), key.region());
        Instant now = clock.instant();
        Views.Derived derived = Views.derive(key.targetId(), result.network(), properties.expectedTrafficMbps(), now);
        RegionInventory inventory = new RegionInventory(key.targetId(), key.region(), result.network(),
                result.apiCalls(), result.network().takenAt(), properties.expectedTrafficMbps(), derived);
        // Two scans of one region may overlap; the one that read the account last wins.
        cache.merge(key, inventory, (old, fresh) -> fresh.scannedAt().isBefore(old.scannedAt()) ? old : fresh);
        return new Scanned(inventory, derived);
    }

    private void scanRegion(RegionRun regionRun, Key key) {
        regionRun.start();
        try {
            Scanned scanned = scan(key);
            regionRun.finish(State.SUCCEEDED, scanned.inventory().apiCalls(), scanned.derived(), null,
                    clock.instant());
        } catch (AwsServiceException | SdkClientException e) {
            log.warn("Inventory scan of target {} in {} failed: {}", key.targetId(), key.region(), message(e));
            regionRun.finish(State.FAILED, 0, null, message(e), clock.instant());
        } catch (RuntimeException e) {
            log.error("Inventory scan of target {} in {} failed", key.targetId(), key.region(), e);
            regionRun.finish(State.FAILED, 0, null, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    clock.instant());
        }
    }

    private static String message(Exception e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + " " + aws.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }

    private void remember(Run run) {
        synchronized (runs) {
            runs.put(run.id, run);
            var oldest = runs.entrySet().iterator();
            while (runs.size() > properties.keptScans() && oldest.hasNext()) {
                if (oldest.next().getValue().finished()) {
                    oldest.remove();
                }
            }
        }
    }

    /** Drops cached regions of targets that no longer exist. */
    public void forgetTargetsOtherThan(Collection<Long> targetIds) {
        cache.keySet().removeIf(key -> !targetIds.contains(key.targetId()));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** One scan's progress; its region entries are updated by the pool's threads. */
    private static final class Run {
        final String id;
        final String trigger;
        final Instant startedAt;
        final List<RegionRun> regions = new ArrayList<>();

        Run(String id, String trigger, Instant startedAt) {
            this.id = id;
            this.trigger = trigger;
            this.startedAt = startedAt;
        }

        synchronized RegionRun add(Key key) {
            RegionRun regionRun = new RegionRun(key);
            regions.add(regionRun);
            return regionRun;
        }

        synchronized boolean finished() {
            return regions.stream().allMatch(RegionRun::finished);
        }

        synchronized ScanStatus status(Clock clock) {
            List<RegionScan> entries = regions.stream().map(RegionRun::snapshot).toList();
            int done = (int) entries.stream().filter(e -> e.state() == State.SUCCEEDED || e.state() == State.FAILED)
                    .count();
            int failed = (int) entries.stream().filter(e -> e.state() == State.FAILED).count();
            int calls = entries.stream().mapToInt(RegionScan::apiCalls).sum();
            boolean started = entries.stream().anyMatch(e -> e.state() != State.QUEUED);
            State state = done < entries.size() ? (started ? State.RUNNING : State.QUEUED)
                    : failed > 0 ? State.FAILED : State.SUCCEEDED;
            Instant finishedAt = done < entries.size() ? null : regions.stream().map(r -> r.finishedAt)
                    .filter(t -> t != null).max(Instant::compareTo).orElse(startedAt);
            return new ScanStatus(id, state, trigger, startedAt, finishedAt, entries.size(), done, failed, calls,
                    entries);
        }
    }

    private static final class RegionRun {
        final Key key;
        State state = State.QUEUED;
        long startNanos;
        Long durationMillis;
        Instant finishedAt;
        int apiCalls;
        Views.Derived derived;
        String error;

        RegionRun(Key key) {
            this.key = key;
        }

        synchronized void start() {
            state = State.RUNNING;
            startNanos = System.nanoTime();
        }

        synchronized void finish(State outcome, int calls, Views.Derived result, String failure, Instant at) {
            state = outcome;
            apiCalls = calls;
            derived = result;
            error = failure;
            durationMillis = startNanos == 0 ? 0 : Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
            finishedAt = at;
        }

        synchronized boolean finished() {
            return state == State.SUCCEEDED || state == State.FAILED;
        }

        synchronized RegionScan snapshot() {
            return new RegionScan(key.targetId(), key.region(), state, apiCalls,
                    derived == null ? null : derived.natInstances().size(),
                    derived == null ? null : derived.natGateways().size(),
                    derived == null ? null : derived.findings().size(), durationMillis, error);
        }
    }
}
