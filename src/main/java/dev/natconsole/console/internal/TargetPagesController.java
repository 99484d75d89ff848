package dev.natconsole.console.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.natconsole.shared.ConflictException;
import dev.natconsole.shared.FieldProblem;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.shared.Regions;
import dev.natconsole.target.LocalSandbox;
import dev.natconsole.target.NewTarget;
import dev.natconsole.target.TargetKind;
import dev.natconsole.target.Targets;

@Controller
@RequestMapping("/targets")
class TargetPagesController {

    private final Targets targets;
    private final LocalSandbox sandbox;
    private final ConsoleText text;

    TargetPagesController(Targets targets, LocalSandbox sandbox, ConsoleText text) {
        this.targets = targets;
        this.sandbox = sandbox;
        this.text = text;
    }

    /** The add-target form; no secret field exists on it by design. */
    public static class TargetForm {
        private String name;
        private TargetKind kind = TargetKind.EMULATOR;
        private String endpointUrl;
        private String profileName;
        private String defaultRegion = LocalSandbox.REGION;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public TargetKind getKind() { return kind; }
        public void setKind(TargetKind kind) { this.kind = kind; }
        public String getEndpointUrl() { return endpointUrl; }
        public void setEndpointUrl(String endpointUrl) { this.endpointUrl = endpointUrl; }
        public String getProfileName() { return profileName; }
        public void setProfileName(String profileName) { this.profileName = profileName; }
        public String getDefaultRegion() { return defaultRegion; }
        public void setDefaultRegion(String defaultRegion) { this.defaultRegion = defaultRegion; }
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TargetForm());
        }
        return render(model);
    }

    @PostMapping
    String create(@ModelAttribute("form") TargetForm form, BindingResult errors,
            @RequestParam(required = false) String returnTo, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var target = targets.create(new NewTarget(form.getName(), form.getKind(), form.getEndpointUrl(),
                        form.getProfileName(), form.getDefaultRegion()));
                redirect.addFlashAttribute("flash", text.get("targets.created", target.name()));
                return "redirect:" + (returnTo != null && returnTo.startsWith("/wizard/") ? returnTo : "/targets");
            } catch (InvalidInputException e) {
                for (FieldProblem problem : e.problems()) {
                    errors.rejectValue(problem.field(), "invalid", problem.message());
                }
            }
        }
        return render(model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            targets.delete(id);
            redirect.addFlashAttribute("flash", text.get("targets.deleted"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/targets";
    }

    private String render(Model model) {
        model.addAttribute("targets", targets.list());
        model.addAttribute("regions", Regions.all());
        model.addAttribute("kinds", TargetKind.values());
        model.addAttribute("sandboxAvailable", sandbox.available());
        return "targets/list";
    }
}
