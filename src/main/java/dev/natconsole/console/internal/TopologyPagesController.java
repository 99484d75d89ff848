package dev.natconsole.console.internal;

import java.math.BigDecimal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.natconsole.inventory.DriftReport;
import dev.natconsole.inventory.Inventory;
import dev.natconsole.inventory.RepairResult;
import dev.natconsole.provisioning.Provisioning;
import dev.natconsole.provisioning.RunKind;
import dev.natconsole.shared.ConflictException;
import dev.natconsole.topology.PlanBuilder;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.Topology;
import dev.natconsole.topology.TopologyDiagram;

@Controller
@RequestMapping("/topologies")
class TopologyPagesController {

    private final Topologies topologies;
    private final ConsoleText text;
    private final WizardActions actions;
    private final TopologyRows rows;
    private final Provisioning provisioning;
    private final Inventory inventory;

    TopologyPagesController(Topologies topologies, ConsoleText text, WizardActions actions, TopologyRows rows,
            Provisioning provisioning, Inventory inventory) {
        this.inventory = inventory;
        this.topologies = topologies;
        this.text = text;
        this.actions = actions;
        this.rows = rows;
        this.provisioning = provisioning;
    }

    @GetMapping("/{id}")
    String details(@PathVariable long id, @RequestParam(required = false) BigDecimal gb, Model model) {
        Topology topology = topologies.get(id);
        model.addAttribute("row", rows.row(topology));
        model.addAttribute("topology", topology);
        model.addAttribute("spec", topology.spec());
        model.addAttribute("plan", PlanBuilder.build(topology.spec()));
        model.addAttribute("diagram", TopologyDiagram.render(topology.spec(), text.diagramLabels()));
        model.addAttribute("canApply", actions.canApply(topology.spec()));
        actions.describeCost(topology.spec(), gb, model);
        var runs = provisioning.runs(id);
        model.addAttribute("runs", runs);
        model.addAttribute("outputs", provisioning.outputs(id));
        // Each resource with its AWS id, as the latest apply run recorded it.
        model.addAttribute("resources", runs.stream().filter(run -> run.kind() == RunKind.APPLY).findFirst()
                .map(run -> provisioning.run(run.id()).steps().stream().filter(step -> step.awsId() != null)
                        .toList()).orElse(java.util.List.of()));
        model.addAttribute("resumable", runs.stream().findFirst().filter(run -> run.status().resumable())
                .orElse(null));
        model.addAttribute("drift", inventory.cachedDrift(id).orElse(null));
        return "topologies/details";
    }

    /** Scans the topology's region now and shows what differs from the plan. */
    @PostMapping("/{id}/drift")
    String checkDrift(@PathVariable long id, RedirectAttributes redirect) {
        try {
            DriftReport report = inventory.drift(id);
            redirect.addFlashAttribute("flash", text.get("drift.checked." + report.status(), report.items().size()));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", text.get("drift.failed", e.getMessage()));
        }
        return "redirect:/topologies/" + id + "#drift";
    }

    /** Re-applies what drifted through the provisioning engine and follows that run. */
    @PostMapping("/{id}/repair")
    String repair(@PathVariable long id, RedirectAttributes redirect) {
        try {
            RepairResult result = inventory.repair(id);
            if (result.run() != null) {
                return "redirect:" + WizardActions.runPage(id, result.run().id());
            }
            redirect.addFlashAttribute("flash", text.get("drift.nothingToRepair", result.revokedRules().size()));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", text.get("drift.failed", e.getMessage()));
        }
        return "redirect:/topologies/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        String name = topologies.get(id).name();
        try {
            topologies.delete(id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/topologies/" + id;
        }
        redirect.addFlashAttribute("flash", text.get("topology.deleted", name));
        return "redirect:/";
    }
}
