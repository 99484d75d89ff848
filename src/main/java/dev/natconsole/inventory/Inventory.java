package dev.natconsole.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import dev.natconsole.inventory.internal.DriftCheck;
import dev.natconsole.inventory.internal.InventoryProperties;
import dev.natconsole.inventory.internal.InventoryScanner;
import dev.natconsole.inventory.internal.RegionInventory;
import dev.natconsole.inventory.internal.Views;
import dev.natconsole.provisioning.ExtraRule;
import dev.natconsole.provisioning.Provisioning;
import dev.natconsole.shared.ConflictException;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.shared.NotFoundException;
import dev.natconsole.target.Target;
import dev.natconsole.target.Targets;
import dev.natconsole.topology.Plan;
import dev.natconsole.topology.PlanBuilder;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.Topology;

/**
 * The team dashboard's data: every NAT path found in the registered targets, with its health. Lists read the
 * cache that scans fill ({@link #startScan}, and a background refresh); they never call AWS themselves.
 */
@Service
public class Inventory {

    private final InventoryScanner scanner;
    private final Targets targets;
    private final InventoryProperties properties;
    private final Topologies topologies;
    private final Clock clock;
    private final Provisioning provisioning;

    Inventory(InventoryScanner scanner, Targets targets, Topologies topologies, InventoryProperties properties,
            Clock clock, Provisioning provisioning) {
        this.provisioning = provisioning;
        this.scanner = scanner;
        this.targets = targets;
        this.topologies = topologies;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts scanning in the background; the status says how far it got. */
    public ScanStatus startScan(ScanRequest request) {
        return scanner.start(request, "request");
    }

    public ScanStatus scan(String scanId) {
        return scanner.status(scanId).orElseThrow(() -> new NotFoundException("Scan", scanId));
    }

    /** The last scans, newest first. */
    public List<ScanStatus> scans() {
        return scanner.recent();
    }

    public List<NatInstance> natInstances(InventoryQuery query) {
        return select(query, Views.Derived::natInstances).stream()
                .filter(nat -> query.vpcId() == null || query.vpcId().equals(nat.vpcId()))
                .filter(nat -> query.health() == null || query.health().isEmpty()
                        || query.health().contains(nat.health()))
                .sorted(Comparator.comparing(NatInstance::id))
                .toList();
    }

    public NatInstance natInstance(String id, Double expectedMbps) {
        return natInstances(scope(id, expectedMbps)).stream().filter(nat -> nat.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("NAT instance", id));
    }

    /** The findings about one NAT instance (its routes, security groups and itself), worst first. */
    public List<Finding> checks(String natInstanceId, Double expectedMbps) {
        NatInstance nat = natInstance(natInstanceId, expectedMbps);
        return findings(scope(natInstanceId, expectedMbps)).stream()
                .filter(finding -> nat.instanceId().equals(finding.natPathId()))
                .toList();
    }

    public List<NatGateway> natGateways(InventoryQuery query) {
        return select(query, Views.Derived::natGateways).stream()
                .filter(gateway -> query.vpcId() == null || query.vpcId().equals(gateway.vpcId()))
                .filter(gateway -> query.health() == null || query.health().isEmpty()
                        || query.health().contains(gateway.health()))
                .sorted(Comparator.comparing(NatGateway::id))
                .toList();
    }

    /** Every finding, including those about subnets and routes that no live NAT owns; {@code health} filters by severity. */
    public List<Finding> findings(InventoryQuery query) {
        return select(query, Views.Derived::findings).stream()
                .filter(finding -> query.vpcId() == null || query.vpcId().equals(finding.vpcId()))
                .filter(finding -> query.health() == null || query.health().isEmpty()
                        || query.health().contains(Health.valueOf(finding.severity().name())))
                .toList();
    }

    /**
     * A managed topology's plan against what its target holds now: the region is scanned afresh (a dozen calls at
     * most) and the cache updated. Resources are matched by the {@code natconsole:*} tags the provisioning engine
     * sets. Until provisioning records the ids it created, replacements are inferred from tags and routes only.
     */
    public DriftReport drift(long topologyId) {
        Topology topology = topologies.get(topologyId);
        if (topology.spec().targetId() == null) {
            throw new ConflictException("Topology " + topologyId + " has no target, so nothing to compare it with");
        }
        Plan plan = PlanBuilder.build(topology.spec());
        RegionInventory region = scanner.refresh(topology.spec().targetId(), topology.spec().region());
        return DriftCheck.compare(topologyId, region.targetId(), plan, region.network(), java.util.Map.of());
    }

    /**
     * Drift against the last scan of the topology's region, without calling AWS; empty when that region has not
     * been scanned. Callers compare {@link DriftReport#scannedAt()} with what they know changed since.
     */
    public java.util.Optional<DriftReport> cachedDrift(long topologyId) {
        Topology topology = topologies.get(topologyId);
        Long targetId = topology.spec().targetId();
        if (targetId == null) {
            return java.util.Optional.empty();
        }
        return scanner.cached().stream()
                .filter(region -> region.targetId() == targetId && region.region().equals(topology.spec().region()))
                .findFirst()
                .map(region -> DriftCheck.compare(topologyId, targetId, PlanBuilder.build(topology.spec()),
                        region.network(), java.util.Map.of()));
    }

    /**
     * Checks drift now, revokes security group rules added behind the console's back, and re-applies only the
     * drifted plan actions through the provisioning engine.
     */
    public RepairResult repair(long topologyId) {
        DriftReport drift = drift(topologyId);
        if (drift.status() != DriftReport.Status.DRIFTED) {
            return new RepairResult(drift, List.of(), null);
        }
        List<ExtraRule> extra = drift.items().stream()
                // An added default egress rule is put right by re-running the plan's own revoke step.
                .filter(item -> item.kind() == DriftKind.RULE_ADDED && item.repairActionIds().isEmpty()
                        && item.rule() != null)
                .map(item -> new ExtraRule(item.resourceId(), item.rule().direction(), item.rule().protocol(),
                        item.rule().fromPort(), item.rule().toPort(), item.rule().peer()))
                .toList();
        return new RepairResult(drift, extra, provisioning.repair(topologyId, drift.repairActionIds(), extra)
                .orElse(null));
    }

    /** What the cache holds: one entry per scanned (target, region), with when it was read. */
    public List<ScannedRegion> scannedRegions() {
        Set<Long> live = targets.list().stream().map(Target::id).collect(Collectors.toSet());
        scanner.forgetTargetsOtherThan(live);
        return scanner.cached().stream()
                .map(region -> new ScannedRegion(region.targetId(), region.region(), region.scannedAt(),
                        region.apiCalls(), region.network().vpcs().size(), region.defaults().natInstances().size(),
                        region.defaults().natGateways().size(), region.defaults().findings().size()))
                .sorted(Comparator.comparing(ScannedRegion::targetId).thenComparing(ScannedRegion::region))
                .toList();
    }

    /** The traffic the burstable-baseline check assumes when a query gives none, in Mbit/s (0: unknown). */
    public double defaultExpectedMbps() {
        return properties.expectedTrafficMbps();
    }

    private <T> List<T> select(InventoryQuery query, Function<Views.Derived, List<T>> part) {
        if (query.expectedMbps() != null && (query.expectedMbps() < 0 || query.expectedMbps().isNaN())) {
            throw new InvalidInputException("expectedMbps", "must be 0 (unknown) or more");
        }
        Set<Long> live = targets.list().stream().map(Target::id).collect(Collectors.toSet());
        scanner.forgetTargetsOtherThan(live);
        Instant now = clock.instant();
        List<T> selected = new ArrayList<>();
        for (RegionInventory region : scanner.cached()) {
            if ((query.targetId() == null || query.targetId() == region.targetId())
                    && (query.region() == null || query.region().equals(region.region()))) {
                selected.addAll(part.apply(region.derived(query.expectedMbps(), now)));
            }
        }
        return selected;
    }

    /** The query that reaches exactly the region a stable id lives in. */
    private static InventoryQuery scope(String id, Double expectedMbps) {
        String[] parts = id == null ? new String[0] : id.split(":", 3);
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}")) {
            throw new NotFoundException("NAT instance", id);
        }
        return new InventoryQuery(Long.parseLong(parts[0]), parts[1], null, null, expectedMbps);
    }
}
