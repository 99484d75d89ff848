package dev.natconsole.cost.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.natconsole.cost.CostChart;
import dev.natconsole.cost.CostEstimate;
import dev.natconsole.cost.CostEstimator;
import dev.natconsole.cost.PriceCatalog;
import dev.natconsole.cost.PriceRefresh;
import dev.natconsole.cost.PriceSheet;
import dev.natconsole.cost.Traffic;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.shared.Regions;
import dev.natconsole.topology.NatInstanceSpec;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.TopologySpec;
import dev.natconsole.topology.ZoneSubnets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Cost", description = "Monthly cost of NAT instances against NAT Gateways, and the price catalog")
@RestController
@RequestMapping("/api/cost")
class CostController {

    static final String SVG = "image/svg+xml";

    private final CostEstimator estimator;
    private final CostChart chart;
    private final PriceCatalog catalog;

    CostController(CostEstimator estimator, CostChart chart, PriceCatalog catalog) {
        this.estimator = estimator;
        this.chart = chart;
        this.catalog = catalog;
    }

    /**
     * A topology design as the wizard posts it (the spec fields the cost depends on; missing ones take their
     * defaults, unknown ones are ignored) or the id of a stored topology, plus the expected traffic.
     */
    record EstimateRequest(Long topologyId, String region, List<ZoneSubnets> availabilityZones,
            NatLayout natLayout, NatChoice nat, BigDecimal trafficGb, Map<String, BigDecimal> trafficGbPerAz) {

        TopologySpec spec() {
            NatInstanceSpec instance = nat == null ? null
                    : new NatInstanceSpec(nat.instanceType(), null, null, null, false, null);
            return new TopologySpec(null, null, region, null, availabilityZones, natLayout, null, instance, null);
        }

        Traffic traffic() {
            boolean split = trafficGbPerAz != null && !trafficGbPerAz.isEmpty();
            return new Traffic(trafficGb == null && !split ? BigDecimal.ZERO : trafficGb, trafficGbPerAz);
        }
    }

    /**
     * The part of the NAT design the cost depends on. Other fields the wizard sends (image, SSH, options) are
     * ignored, so its whole form can be posted as it is.
     */
    record NatChoice(String instanceType) {
    }

    record CatalogResponse(String currency, List<String> regions, List<String> refreshableRegions,
            List<PriceSheet> sheets, String note) {
    }

    @Operation(summary = "Estimate the monthly cost of NAT instances against NAT Gateways",
            description = "Body: a topology design (region, availabilityZones, natLayout, nat.instanceType, ...) or "
                    + "topologyId, with trafficGb (GB processed per month) and optionally trafficGbPerAz. "
                    + "currency and rate set the second currency (default natconsole.cost.*). Unknown prices give "
                    + "null totals and are named in unknownLines.")
    @PostMapping("/estimate")
    CostEstimate estimate(@RequestBody EstimateRequest request, @RequestParam(required = false) String currency,
            @RequestParam(required = false) BigDecimal rate) {
        return estimate(request, estimator, currency, rate);
    }

    @Operation(summary = "Chart of monthly cost against traffic for both options, as SVG",
            description = "Same body as /estimate; maxGb is the right end of the traffic axis.")
    @PostMapping(path = "/chart", produces = SVG)
    String chart(@RequestBody EstimateRequest request, @RequestParam(required = false) BigDecimal maxGb,
            @RequestParam(required = false) String currency, @RequestParam(required = false) BigDecimal rate) {
        return chart.render(estimate(request, estimator, currency, rate), maxGb);
    }

    @Operation(summary = "The price catalog: bundled figures with refreshed ones over them, per region")
    @GetMapping("/catalog")
    CatalogResponse catalog(@RequestParam(required = false) String region) {
        List<PriceSheet> sheets;
        if (region == null || region.isBlank()) {
            sheets = catalog.sheets();
        } else if (!Regions.isKnown(region)) {
            throw new InvalidInputException("region", "'" + region + "' is not an AWS region");
        } else {
            sheets = List.of(catalog.sheet(region));
        }
        return new CatalogResponse("USD", catalog.regions(), List.copyOf(PriceList.refreshableRegions()), sheets,
                "usd null means unknown: no trustworthy source, so estimates name the line instead of guessing.");
    }

    @Operation(summary = "Refresh a region's prices from the AWS Price List API with a target's credentials",
            description = "Stores what GetProducts returned, dated; the bundled catalog stays the fallback. 502 "
                    + "when the API cannot be reached (emulators such as moto do not have it).")
    @PostMapping("/catalog/refresh")
    PriceRefresh refresh(@RequestParam long targetId, @RequestParam String region) {
        return catalog.refresh(targetId, region);
    }


    static CostEstimate estimate(EstimateRequest request, CostEstimator estimator, String currency,
            BigDecimal rate) {
        var second = estimator.currency(currency, rate);
        return request.topologyId() != null
                ? estimator.estimate(request.topologyId(), request.traffic(), second)
                : estimator.estimate(request.spec(), request.traffic(), second);
    }
}
