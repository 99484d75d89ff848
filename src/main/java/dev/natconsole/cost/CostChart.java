package dev.natconsole.cost;

import java.math.BigDecimal;

import org.springframework.stereotype.Service;

import dev.natconsole.cost.internal.SvgCostChart;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.topology.TopologySpec;

/**
 * Monthly cost against monthly traffic for both options, as an SVG document the wizard's review page and the
 * topology page can inline: a line per option, the break-even point marked when there is one, and the expected
 * traffic. {@code maxGb} is the right end of the traffic axis; null picks twice the expected traffic or
 * break-even, at least 1,000 GB.
 */
@Service
public class CostChart {

    private final CostEstimator estimator;

    CostChart(CostEstimator estimator) {
        this.estimator = estimator;
    }

    public String render(CostEstimate estimate, BigDecimal maxGb) {
        if (maxGb != null && maxGb.signum() <= 0) {
            throw new InvalidInputException("maxGb", "must be a positive number of GB per month");
        }
        return SvgCostChart.render(estimate, maxGb);
    }

    public String render(TopologySpec spec, Traffic traffic, BigDecimal maxGb) {
        return render(estimator.estimate(spec, traffic), maxGb);
    }

    public String render(long topologyId, Traffic traffic, BigDecimal maxGb) {
        return render(estimator.estimate(topologyId, traffic), maxGb);
    }
}
