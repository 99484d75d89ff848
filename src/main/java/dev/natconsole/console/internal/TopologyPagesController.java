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

    TopologyPagesController(Topologies topologies, ConsoleText text, WizardActions actions, TopologyRows rows) {
        this.topologies = topologies;
        this.text = text;
        this.actions = actions;
        this.rows = rows;
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
        return "topologies/details";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        String name = topologies.get(id).name();
        topologies.delete(id);
        redirect.addFlashAttribute("flash", text.get("topology.deleted", name));
        return "redirect:/";
    }
}
