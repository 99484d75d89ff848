package dev.natconsole.console.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.natconsole.inventory.Health;
import dev.natconsole.inventory.Inventory;
import dev.natconsole.inventory.InventoryCosts;
import dev.natconsole.inventory.InventoryQuery;
import dev.natconsole.inventory.NatCostHint;
import dev.natconsole.inventory.ScanRequest;
import dev.natconsole.target.Targets;

/** The team's NAT paths as the last scans found them, filterable, with their health and cost. */
@Controller
class InventoryPagesController {

    private final Inventory inventory;
    private final InventoryCosts costs;
    private final Targets targets;
    private final CostView costView;
    private final ConsoleText text;

    InventoryPagesController(Inventory inventory, InventoryCosts costs, Targets targets, CostView costView,
            ConsoleText text) {
        this.inventory = inventory;
        this.costs = costs;
        this.targets = targets;
        this.costView = costView;
        this.text = text;
    }

    @GetMapping("/nat-instances")
    String list(@RequestParam(required = false) Long target, @RequestParam(required = false) String region,
            @RequestParam(required = false) String vpc, @RequestParam(required = false) String health, Model model) {
        Set<Health> healths = health == null || health.isBlank() ? null : EnumSet.of(Health.valueOf(health));
        InventoryQuery query = new InventoryQuery(target, blank(region), blank(vpc), healths, null);
        model.addAttribute("instances", inventory.natInstances(query));
        model.addAttribute("gateways", inventory.natGateways(query));
        model.addAttribute("targets", targets.list());
        model.addAttribute("regions", inventory.scannedRegions().stream().map(r -> r.region()).distinct().sorted()
                .toList());
        model.addAttribute("healths", Arrays.asList(Health.values()));
        model.addAttribute("scans", inventory.scans().stream().limit(5).toList());
        model.addAttribute("filter", new Filter(target, blank(region), blank(vpc), blank(health)));
        return "inventory/list";
    }

    record Filter(Long target, String region, String vpc, String health) {
    }

    @GetMapping("/nat-instances/{id}")
    String details(@PathVariable String id, @RequestParam(required = false) BigDecimal gb, Model model) {
        BigDecimal traffic = gb == null || gb.signum() < 0 ? costView.defaultTrafficGb() : gb;
        model.addAttribute("nat", inventory.natInstance(id, null));
        model.addAttribute("checks", inventory.checks(id, null));
        model.addAttribute("costHint", safeCost(() -> costs.forInstance(id, traffic)));
        model.addAttribute("trafficGb", traffic.stripTrailingZeros().toPlainString());
        return "inventory/details";
    }

    @PostMapping("/inventory/scan")
    String scan(RedirectAttributes redirect) {
        var status = inventory.startScan(new ScanRequest(List.of(), List.of()));
        redirect.addFlashAttribute("flash", text.get("inventory.scanStarted", status.total()));
        return "redirect:/nat-instances";
    }

    private static NatCostHint safeCost(java.util.function.Supplier<NatCostHint> cost) {
        try {
            return cost.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
