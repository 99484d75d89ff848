package dev.natconsole.console.internal;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.natconsole.provisioning.Provisioning;
import dev.natconsole.provisioning.RunView;
import dev.natconsole.topology.TopologySpec;

/**
 * What the review page can do beyond saving: estimate the cost and apply. Kept apart so that the wizard does
 * not depend on how provisioning and cost are wired.
 */
@Component
class WizardActions {

    private final CostView cost;
    private final Provisioning provisioning;

    WizardActions(CostView cost, Provisioning provisioning) {
        this.cost = cost;
        this.provisioning = provisioning;
    }

    /** A plan can be applied once it names a target to apply it to. */
    boolean canApply(TopologySpec spec) {
        return spec.targetId() != null;
    }

    /** Starts applying a saved topology; returns the page to follow the run on. */
    String apply(long topologyId) {
        RunView run = provisioning.apply(topologyId);
        return runPage(topologyId, run.id());
    }

    static String runPage(long topologyId, long runId) {
        return "/topologies/" + topologyId + "/runs/" + runId;
    }

    void describeCost(TopologySpec spec, BigDecimal trafficGb, Model model) {
        cost.describe(spec, trafficGb, model);
    }
}
