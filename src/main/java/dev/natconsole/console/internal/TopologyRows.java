package dev.natconsole.console.internal;

import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.stream.Collectors;

import java.time.Instant;

import dev.natconsole.inventory.DriftReport;
import dev.natconsole.inventory.Inventory;
import dev.natconsole.provisioning.Provisioning;
import dev.natconsole.provisioning.RunSummary;
import dev.natconsole.provisioning.TopologyStatus;
import dev.natconsole.provisioning.ProvisioningOutputs;
import dev.natconsole.topology.Topology;

/** One dashboard row per topology: what it is, where, and (once known) its state and cost. */
@Component
class TopologyRows {

    private final CostView cost;
    private final Provisioning provisioning;
    private final Inventory inventory;

    TopologyRows(CostView cost, Provisioning provisioning, Inventory inventory) {
        this.cost = cost;
        this.provisioning = provisioning;
        this.inventory = inventory;
    }

    private static final String NONE = "-";

    public record Row(Topology topology, String state, int natCount, String natIps, String instanceMonthly,
            String gatewayMonthly, String saving) {
    }

    /**
     * The run state, or DRIFTED for an applied topology whose region, scanned since the last run ended, differs
     * from its plan. Reads the inventory's cache only: the dashboard makes no AWS call.
     */
    String state(Topology topology, TopologyStatus status) {
        if (status != TopologyStatus.APPLIED) {
            return status.name();
        }
        Instant lastRunEnded = provisioning.runs(topology.id()).stream().findFirst().map(RunSummary::finishedAt)
                .orElse(Instant.EPOCH);
        boolean drifted = inventory.cachedDrift(topology.id())
                .filter(report -> report.scannedAt().isAfter(lastRunEnded))
                .filter(report -> report.status() == DriftReport.Status.DRIFTED).isPresent();
        return drifted ? "DRIFTED" : status.name();
    }

    Row row(Topology topology) {
        CostView.Totals totals = cost.totals(topology.spec());
        ProvisioningOutputs outputs = provisioning.outputs(topology.id());
        String ips = outputs.nats().stream().map(ProvisioningOutputs.Nat::publicIp).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return new Row(topology, state(topology, outputs.status()), topology.spec().natZones().size(),
                ips.isEmpty() ? NONE : ips, totals.instances(), totals.gateways(), totals.saving());
    }
}
