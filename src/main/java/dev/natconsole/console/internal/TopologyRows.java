package dev.natconsole.console.internal;

import org.springframework.stereotype.Component;

import dev.natconsole.topology.Topology;

/** One dashboard row per topology: what it is, where, and (once known) its state and cost. */
@Component
class TopologyRows {

    private final CostView cost;

    TopologyRows(CostView cost) {
        this.cost = cost;
    }

    private static final String NONE = "-";

    public record Row(Topology topology, String state, int natCount, String natIps, String instanceMonthly,
            String gatewayMonthly, String saving) {
    }

    Row row(Topology topology) {
        CostView.Totals totals = cost.totals(topology.spec());
        return new Row(topology, "DRAFT", topology.spec().natZones().size(), NONE, totals.instances(),
                totals.gateways(), totals.saving());
    }
}
