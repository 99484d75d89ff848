package dev.natconsole.cost.internal;

import java.math.BigDecimal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.natconsole.cost.CostChart;
import dev.natconsole.cost.CostEstimate;
import dev.natconsole.cost.CostEstimator;
import dev.natconsole.cost.Traffic;
import dev.natconsole.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The cost of a stored topology, for its details page. */
@Tag(name = "Cost")
@RestController
@RequestMapping("/api/topologies/{id}/cost")
class TopologyCostController {

    private final CostEstimator estimator;
    private final CostChart chart;

    TopologyCostController(CostEstimator estimator, CostChart chart) {
        this.estimator = estimator;
        this.chart = chart;
    }

    @Operation(summary = "Monthly cost of a stored topology's NAT against NAT Gateways at gb GB per month")
    @GetMapping
    CostEstimate estimate(@PathVariable long id, @RequestParam(defaultValue = "0") BigDecimal gb,
            @RequestParam(required = false) String currency, @RequestParam(required = false) BigDecimal rate) {
        return estimator.estimate(id, traffic(gb), estimator.currency(currency, rate));
    }

    @Operation(summary = "Chart of a stored topology's monthly cost against traffic, as SVG")
    @GetMapping(path = "/chart.svg", produces = CostController.SVG)
    String chart(@PathVariable long id, @RequestParam(defaultValue = "0") BigDecimal gb,
            @RequestParam(required = false) BigDecimal maxGb, @RequestParam(required = false) String currency,
            @RequestParam(required = false) BigDecimal rate) {
        return chart.render(estimator.estimate(id, traffic(gb), estimator.currency(currency, rate)), maxGb);
    }

    private static Traffic traffic(BigDecimal gb) {
        if (gb.signum() < 0) {
            throw new InvalidInputException("gb", "must not be negative");
        }
        return Traffic.ofGb(gb);
    }
}
