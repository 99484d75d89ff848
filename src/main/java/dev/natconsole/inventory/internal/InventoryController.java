package dev.natconsole.inventory.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.natconsole.inventory.Finding;
import dev.natconsole.inventory.Health;
import dev.natconsole.inventory.Inventory;
import dev.natconsole.inventory.InventoryQuery;
import dev.natconsole.inventory.NatGateway;
import dev.natconsole.inventory.NatInstance;
import dev.natconsole.inventory.ScanRequest;
import dev.natconsole.inventory.ScanStatus;
import dev.natconsole.inventory.ScannedRegion;
import dev.natconsole.shared.FieldProblem;
import dev.natconsole.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Inventory", description = "NAT instances and NAT Gateways found in the targets, with health checks")
@RestController
class InventoryController {

    private final Inventory inventory;

    private final dev.natconsole.inventory.InventoryCosts costs;

    InventoryController(Inventory inventory, dev.natconsole.inventory.InventoryCosts costs) {
        this.inventory = inventory;
        this.costs = costs;
    }

    @Operation(summary = "A NAT instance's monthly cost and what a NAT Gateway would cost instead",
            description = "gb: expected GB processed per month (default 0)")
    @GetMapping("/api/nat-instances/{id}/cost")
    dev.natconsole.inventory.NatCostHint natInstanceCost(@PathVariable String id,
            @RequestParam(required = false) java.math.BigDecimal gb) {
        return costs.forInstance(id, gb);
    }

    @Operation(summary = "A NAT Gateway's monthly cost and what a NAT instance would save (a migration hint)")
    @GetMapping("/api/nat-gateways/{id}/cost")
    dev.natconsole.inventory.NatCostHint natGatewayCost(@PathVariable String id,
            @RequestParam(required = false) java.math.BigDecimal gb) {
        return costs.forGateway(id, gb);
    }

    @Operation(summary = "NAT instances found by the last scans",
            description = "Filters: target (id), region, vpc, health (ok, info, warning, error; comma-separated). "
                    + "expectedMbps or expectedGbPerMonth set the traffic the burstable-baseline check assumes.")
    @GetMapping("/api/nat-instances")
    List<NatInstance> natInstances(@RequestParam(required = false) Long target,
            @RequestParam(required = false) String region, @RequestParam(required = false) String vpc,
            @RequestParam(required = false) String health, @RequestParam(required = false) Double expectedMbps,
            @RequestParam(required = false) Double expectedGbPerMonth) {
        return inventory.natInstances(query(target, region, vpc, health, expectedMbps, expectedGbPerMonth));
    }

    @Operation(summary = "One NAT instance; its id is <targetId>:<region>:<instance id>")
    @GetMapping("/api/nat-instances/{id}")
    NatInstance natInstance(@PathVariable String id, @RequestParam(required = false) Double expectedMbps,
            @RequestParam(required = false) Double expectedGbPerMonth) {
        return inventory.natInstance(id, expected(expectedMbps, expectedGbPerMonth));
    }

    @Operation(summary = "Health check findings about one NAT instance, worst first")
    @GetMapping("/api/nat-instances/{id}/checks")
    List<Finding> checks(@PathVariable String id, @RequestParam(required = false) Double expectedMbps,
            @RequestParam(required = false) Double expectedGbPerMonth) {
        return inventory.checks(id, expected(expectedMbps, expectedGbPerMonth));
    }

    @Operation(summary = "NAT Gateways found by the last scans", description = "Same filters as /api/nat-instances")
    @GetMapping("/api/nat-gateways")
    List<NatGateway> natGateways(@RequestParam(required = false) Long target,
            @RequestParam(required = false) String region, @RequestParam(required = false) String vpc,
            @RequestParam(required = false) String health) {
        return inventory.natGateways(query(target, region, vpc, health, null, null));
    }

    @Operation(summary = "Every finding, including routes and subnets no live NAT owns",
            description = "health filters by severity (info, warning, error)")
    @GetMapping("/api/inventory/findings")
    List<Finding> findings(@RequestParam(required = false) Long target,
            @RequestParam(required = false) String region, @RequestParam(required = false) String vpc,
            @RequestParam(required = false) String health, @RequestParam(required = false) Double expectedMbps,
            @RequestParam(required = false) Double expectedGbPerMonth) {
        return inventory.findings(query(target, region, vpc, health, expectedMbps, expectedGbPerMonth));
    }

    @Operation(summary = "Scan targets now", description = "Body optional: {\"targetIds\": [1], \"regions\": "
            + "[\"ap-northeast-1\"]}; empty means every target and, per target, the configured or enabled regions. "
            + "Answers 202 at once with the scan's progress; follow the Location.")
    @PostMapping("/api/inventory/scan")
    ResponseEntity<ScanStatus> scan(@RequestBody(required = false) ScanRequest request) {
        ScanStatus status = inventory.startScan(request == null ? ScanRequest.everything() : request);
        return ResponseEntity.accepted().location(URI.create("/api/inventory/scans/" + status.id())).body(status);
    }

    @Operation(summary = "Progress of one scan")
    @GetMapping("/api/inventory/scans/{id}")
    ScanStatus scanStatus(@PathVariable String id) {
        return inventory.scan(id);
    }

    @Operation(summary = "The last scans, newest first")
    @GetMapping("/api/inventory/scans")
    List<ScanStatus> scans() {
        return inventory.scans();
    }

    @Operation(summary = "The (target, region) pairs in the cache, with when each was last scanned")
    @GetMapping("/api/inventory/regions")
    List<ScannedRegion> regions() {
        return inventory.scannedRegions();
    }


    static InventoryQuery query(Long target, String region, String vpc, String health, Double expectedMbps,
            Double expectedGbPerMonth) {
        return new InventoryQuery(target, blankToNull(region), blankToNull(vpc), health(health),
                expected(expectedMbps, expectedGbPerMonth));
    }

    static Double expected(Double mbps, Double gbPerMonth) {
        List<FieldProblem> problems = new ArrayList<>();
        if (mbps != null && gbPerMonth != null) {
            problems.add(new FieldProblem("expectedGbPerMonth", "give expectedMbps or expectedGbPerMonth, not both"));
        }
        if (mbps != null && (mbps < 0 || mbps.isNaN() || mbps.isInfinite())) {
            problems.add(new FieldProblem("expectedMbps", "must be a number of Mbit/s, 0 or more"));
        }
        if (gbPerMonth != null && (gbPerMonth < 0 || gbPerMonth.isNaN() || gbPerMonth.isInfinite())) {
            problems.add(new FieldProblem("expectedGbPerMonth", "must be a number of GB per month, 0 or more"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return gbPerMonth != null ? Double.valueOf(InventoryQuery.mbpsForGbPerMonth(gbPerMonth)) : mbps;
    }

    private static Set<Health> health(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<Health> levels = EnumSet.noneOf(Health.class);
        for (String part : text.split(",")) {
            Health level = Health.parse(part);
            if (level == null) {
                throw new InvalidInputException("health", "'" + part.trim() + "' is not one of ok, info, warning, error");
            }
            levels.add(level);
        }
        return levels;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
