package dev.natconsole.console.internal;

import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.stream.Collectors;

import dev.natconsole.provisioning.Provisioning;
import dev.natconsole.provisioning.ProvisioningOutputs;
import dev.natconsole.topology.Topology;

/** One dashboard row per topology: what it is, where, and (once known) its state and cost. */
@Component
class TopologyRows {

    private final CostView cost;
    private final Provisioning provisioning;

    TopologyRows(CostView cost, Provisioning provisioning) {
        this.cost = cost;
        this.provisioning = provisioning;
    }

    private static final String NONE = "-";

    public record Row(Topology topology, String state, int natCount, String natIps, String instanceMonthly,
            String gatewayMonthly, String saving) {
    }

    Row row(Topology topology) {
        CostView.Totals totals = cost.totals(topology.spec());
        ProvisioningOutputs outputs = provisioning.outputs(topology.id());
        String ips = outputs.nats().stream().map(ProvisioningOutputs.Nat::publicIp).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return new Row(topology, outputs.status().name(), topology.spec().natZones().size(),
                ips.isEmpty() ? NONE : ips, totals.instances(), totals.gateways(), totals.saving());
    }
}
