package dev.natconsole.console.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.natconsole.target.LocalSandbox;
import dev.natconsole.target.Target;
import dev.natconsole.target.Targets;
import dev.natconsole.topology.Topologies;

/** The home page: every topology with its state and cost, unfinished wizard drafts, and the sandbox offer. */
@Controller
class DashboardController {

    private final Topologies topologies;
    private final Targets targets;
    private final LocalSandbox sandbox;
    private final WizardDrafts drafts;
    private final TopologyRows rows;
    private final ConsoleText text;

    DashboardController(Topologies topologies, Targets targets, LocalSandbox sandbox, WizardDrafts drafts,
            TopologyRows rows, ConsoleText text) {
        this.topologies = topologies;
        this.targets = targets;
        this.sandbox = sandbox;
        this.drafts = drafts;
        this.rows = rows;
        this.text = text;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("rows", topologies.list().stream().map(rows::row).toList());
        model.addAttribute("drafts", drafts.list());
        model.addAttribute("hasTargets", !targets.list().isEmpty());
        model.addAttribute("sandboxAvailable", sandbox.available());
        model.addAttribute("sandboxRunning", sandbox.running());
        return "dashboard/index";
    }

    @PostMapping("/sandbox")
    String startSandbox(RedirectAttributes redirect) {
        try {
            Target target = sandbox.start();
            redirect.addFlashAttribute("flash", text.get("sandbox.started", target.endpointUrl()));
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("flashError", text.get("sandbox.failed", e.getMessage()));
        }
        return "redirect:/";
    }
}
