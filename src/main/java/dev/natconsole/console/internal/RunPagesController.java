package dev.natconsole.console.internal;

import java.time.Duration;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.natconsole.provisioning.Provisioning;
import dev.natconsole.provisioning.RunView;
import dev.natconsole.provisioning.StepView;
import dev.natconsole.shared.ConflictException;
import dev.natconsole.topology.Topologies;

/** Apply, destroy and resume from the pages, and the live page of a run. */
@Controller
@RequestMapping("/topologies/{id}")
class RunPagesController {

    private final Provisioning provisioning;
    private final Topologies topologies;
    private final ConsoleText text;

    RunPagesController(Provisioning provisioning, Topologies topologies, ConsoleText text) {
        this.provisioning = provisioning;
        this.topologies = topologies;
        this.text = text;
    }

    @PostMapping("/apply")
    String apply(@PathVariable long id, RedirectAttributes redirect) {
        return start(id, redirect, () -> provisioning.apply(id));
    }

    @PostMapping("/destroy")
    String destroy(@PathVariable long id, RedirectAttributes redirect) {
        return start(id, redirect, () -> provisioning.destroy(id));
    }

    @PostMapping("/runs/{runId}/resume")
    String resume(@PathVariable long id, @PathVariable long runId, RedirectAttributes redirect) {
        return start(id, redirect, () -> provisioning.resume(id, runId));
    }

    private String start(long id, RedirectAttributes redirect, java.util.function.Supplier<RunView> action) {
        try {
            return "redirect:" + WizardActions.runPage(id, action.get().id());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/topologies/" + id;
        }
    }

    @GetMapping("/runs/{runId}")
    String run(@PathVariable long id, @PathVariable long runId, Model model) {
        RunView run = provisioning.run(id, runId);
        model.addAttribute("topology", topologies.get(id));
        model.addAttribute("run", run);
        model.addAttribute("steps", run.steps().stream().map(step -> new StepRow(step, elapsed(step),
                plainError(step))).toList());
        model.addAttribute("outputs", run.status().finished() ? provisioning.outputs(id) : null);
        return "runs/run";
    }

    record StepRow(StepView step, String elapsed, String plainError) {
    }

    static String elapsed(StepView step) {
        if (step.startedAt() == null) {
            return "";
        }
        Duration duration = Duration.between(step.startedAt(), step.finishedAt() != null ? step.finishedAt()
                : java.time.Instant.now());
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    /** The AWS error in plain words where the console knows the code, else AWS's own message. */
    private String plainError(StepView step) {
        if (step.errorCode() == null) {
            return null;
        }
        String key = "awsError." + step.errorCode();
        String plain = text.getOrNull(key);
        return plain != null ? plain : step.errorMessage();
    }
}
