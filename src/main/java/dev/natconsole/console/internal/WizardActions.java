package dev.natconsole.console.internal;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.natconsole.topology.TopologySpec;

/**
 * What the review page can do beyond saving: estimate the cost and apply. Kept apart so that the wizard does
 * not depend on how provisioning and cost are wired.
 */
@Component
class WizardActions {

    private final CostView cost;

    WizardActions(CostView cost) {
        this.cost = cost;
    }

    boolean canApply(TopologySpec spec) {
        return false;
    }

    /** Starts applying a saved topology; returns the page to follow the run on. */
    String apply(long topologyId) {
        return "/topologies/" + topologyId;
    }

    void describeCost(TopologySpec spec, BigDecimal trafficGb, Model model) {
        cost.describe(spec, trafficGb, model);
    }
}
