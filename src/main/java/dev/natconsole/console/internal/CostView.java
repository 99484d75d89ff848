package dev.natconsole.console.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.natconsole.cost.CostChart;
import dev.natconsole.cost.CostEstimate;
import dev.natconsole.cost.CostEstimator;
import dev.natconsole.cost.Traffic;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.topology.TopologySpec;

/** Puts a topology's monthly cost against a NAT Gateway, and its chart, on a page. */
@Component
class CostView {

    private final CostEstimator estimator;
    private final CostChart chart;
    private final BigDecimal defaultTrafficGb;

    CostView(CostEstimator estimator, CostChart chart,
            @Value("${natconsole.console.default-traffic-gb:100}") BigDecimal defaultTrafficGb) {
        this.estimator = estimator;
        this.chart = chart;
        this.defaultTrafficGb = defaultTrafficGb;
    }

    BigDecimal defaultTrafficGb() {
        return defaultTrafficGb;
    }

    /** Adds {@code cost}, {@code costChart} and {@code trafficGb} to the model; a bad traffic figure falls back. */
    void describe(TopologySpec spec, BigDecimal trafficGb, Model model) {
        BigDecimal gb = trafficGb == null || trafficGb.signum() < 0 ? defaultTrafficGb : trafficGb;
        try {
            CostEstimate estimate = estimator.estimate(spec, Traffic.ofGb(gb));
            model.addAttribute("cost", estimate);
            model.addAttribute("costChart", chart.render(estimate, null));
        } catch (InvalidInputException e) {
            model.addAttribute("costProblem", e.getMessage());
        }
        model.addAttribute("trafficGb", gb.stripTrailingZeros().toPlainString());
    }

    /** The monthly totals a dashboard row shows, or "-" where a price is unknown. */
    Totals totals(TopologySpec spec) {
        try {
            CostEstimate estimate = estimator.estimate(spec, Traffic.ofGb(defaultTrafficGb));
            return new Totals(money(estimate.natInstances().totalUsd(), estimate.natInstances().totalSecond(),
                    estimate), money(estimate.natGateways().totalUsd(), estimate.natGateways().totalSecond(), estimate),
                    money(estimate.savingsUsd(), estimate.savingsSecond(), estimate));
        } catch (RuntimeException e) {
            return new Totals("-", "-", "-");
        }
    }

    record Totals(String instances, String gateways, String saving) {
    }

    static String money(BigDecimal usd, BigDecimal second, CostEstimate estimate) {
        if (usd == null) {
            return "-";
        }
        String text = "$" + usd.setScale(2, RoundingMode.HALF_UP).toPlainString();
        if (second != null && estimate.secondCurrency() != null) {
            text += " (" + NumberFormat.getIntegerInstance(Locale.ROOT).format(second.setScale(0, RoundingMode.HALF_UP))
                    + " " + estimate.secondCurrency().code() + ")";
        }
        return text;
    }
}
