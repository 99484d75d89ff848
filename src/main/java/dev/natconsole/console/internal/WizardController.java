package dev.natconsole.console.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.natconsole.shared.FieldProblem;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.shared.Regions;
import dev.natconsole.target.Target;
import dev.natconsole.target.TargetUnreachableException;
import dev.natconsole.target.Targets;
import dev.natconsole.topology.Cidr;
import dev.natconsole.topology.ImageChoice;
import dev.natconsole.topology.InstanceTypes;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.PlanBuilder;
import dev.natconsole.topology.PrivateRouting;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.TopologyDiagram;
import dev.natconsole.topology.TopologySpec;
import dev.natconsole.topology.ValidationReport;
import dev.natconsole.shared.NotFoundException;

/**
 * The five-step topology wizard. Every POST saves what the page held into the server-side draft before anything
 * else, so Back, Next and reload never lose input; Next moves on only when the page's own fields are valid.
 */
@Controller
@RequestMapping("/wizard")
class WizardController {

    private final WizardDrafts drafts;
    private final Targets targets;
    private final Topologies topologies;
    private final ConsoleText text;
    private final WizardActions actions;

    WizardController(WizardDrafts drafts, Targets targets, Topologies topologies, ConsoleText text,
            WizardActions actions) {
        this.drafts = drafts;
        this.targets = targets;
        this.topologies = topologies;
        this.text = text;
        this.actions = actions;
    }

    @InitBinder("form")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/new")
    String start() {
        WizardForm form = new WizardForm();
        List<Target> known = targets.list();
        if (!known.isEmpty()) {
            form.setTargetId(known.get(0).id());
            form.setRegion(known.get(0).defaultRegion());
        }
        return "redirect:/wizard/" + drafts.create(form) + "/target";
    }

    @GetMapping("/{draftId}")
    String resume(@PathVariable String draftId) {
        return "redirect:/wizard/" + draftId + "/" + draft(draftId).step().path();
    }

    @ModelAttribute("form")
    WizardForm form(@PathVariable(required = false) String draftId) {
        return draftId == null ? new WizardForm() : draft(draftId).form();
    }

    @GetMapping("/{draftId}/{stepPath}")
    String show(@PathVariable String draftId, @PathVariable String stepPath, @ModelAttribute("form") WizardForm form,
            BindingResult errors, @RequestParam(required = false) BigDecimal gb, Model model) {
        WizardStep step = step(stepPath);
        if (step == WizardStep.NETWORK && form.getAvailabilityZones().isEmpty()) {
            // The seed's layout: the first two zones the target offers.
            form.setSelectedZones(zoneChoices(form, model).stream().limit(2).toList());
            form.syncZonesWithSelection();
        }
        if (step == WizardStep.REVIEW) {
            ValidationReport report = topologies.check(form.toSpec(), null);
            model.addAttribute("report", report);
            rejectAll(errors, report, step, model);
        }
        return render(draftId, step, form, gb, model);
    }

    @PostMapping("/{draftId}/{stepPath}")
    String submit(@PathVariable String draftId, @PathVariable String stepPath,
            @RequestParam(defaultValue = "next") String action, @ModelAttribute("form") WizardForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        WizardStep step = step(stepPath);
        WizardForm before = draft(draftId).form();
        if (step == WizardStep.NETWORK) {
            keepSubnetsInsideVpc(before, form);
            form.syncZonesWithSelection();
        }
        if (errors.hasErrors()) {
            // Type errors (a letter in a number field) are shown like any other; nothing else is saved.
            return render(draftId, step, form, model);
        }
        drafts.save(draftId, form, step);
        if (action.equals("addTarget")) {
            // What the page held is saved; the target form sends the user back here.
            return "redirect:/targets?returnTo=/wizard/" + draftId + "/" + step.path();
        }
        if (action.equals("back")) {
            drafts.save(draftId, form, step.previous());
            return "redirect:/wizard/" + draftId + "/" + step.previous().path();
        }
        ValidationReport report = topologies.check(form.toSpec(), null);
        if (step != WizardStep.REVIEW) {
            if (rejectOwned(errors, report, step)) {
                return render(draftId, step, form, model);
            }
            drafts.save(draftId, form, step.next());
            return "redirect:/wizard/" + draftId + "/" + step.next().path();
        }
        try {
            long topologyId = topologies.create(form.toSpec()).topology().id();
            drafts.delete(draftId);
            if (action.equals("apply")) {
                return "redirect:" + actions.apply(topologyId);
            }
            redirect.addFlashAttribute("flash", text.get("wizard.saved", form.getName()));
            return "redirect:/topologies/" + topologyId;
        } catch (InvalidInputException e) {
            rejectAll(errors, new ValidationReport(e.problems(), List.of()), step, model);
            return render(draftId, step, form, model);
        }
    }

    private String render(String draftId, WizardStep step, WizardForm form, Model model) {
        return render(draftId, step, form, null, model);
    }

    private String render(String draftId, WizardStep step, WizardForm form, BigDecimal trafficGb, Model model) {
        model.addAttribute("draftId", draftId);
        model.addAttribute("step", step);
        model.addAttribute("steps", WizardStep.values());
        switch (step) {
            case TARGET -> {
                model.addAttribute("targets", targets.list());
                model.addAttribute("regions", Regions.all());
            }
            case NETWORK -> {
                if (!model.containsAttribute("zoneChoices")) {
                    zoneChoices(form, model);
                }
            }
            case NAT -> {
                model.addAttribute("instanceTypes", InstanceTypes.all());
                model.addAttribute("images", ImageChoice.values());
                model.addAttribute("layouts", NatLayout.values());
                model.addAttribute("routings", PrivateRouting.values());
            }
            case REVIEW -> review(form, trafficGb, model);
            default -> {
            }
        }
        return "wizard/" + step.path();
    }

    private void review(WizardForm form, BigDecimal trafficGb, Model model) {
        TopologySpec spec = form.toSpec();
        // Checked once per request: a check asks the target for its zones.
        ValidationReport report = model.getAttribute("report") instanceof ValidationReport known ? known
                : topologies.check(spec, null);
        model.addAttribute("warnings", report.warnings().stream()
                .map(warning -> warning.field() + ": " + text.problem(warning)).toList());
        model.addAttribute("valid", report.valid());
        model.addAttribute("spec", spec);
        if (report.valid()) {
            model.addAttribute("plan", PlanBuilder.build(spec));
            model.addAttribute("diagram", TopologyDiagram.render(spec, text.diagramLabels()));
            actions.describeCost(spec, trafficGb, model);
        }
        model.addAttribute("canApply", actions.canApply(spec));
    }

    /** The zones to tick in step 2: the target's, or (without a reachable target) the usual a-d names. */
    private List<String> zoneChoices(WizardForm form, Model model) {
        List<String> zones;
        boolean verified = false;
        if (form.getTargetId() != null && Regions.isKnown(form.getRegion())) {
            try {
                zones = targets.availabilityZones(form.getTargetId(), form.getRegion());
                verified = true;
            } catch (TargetUnreachableException | NotFoundException e) {
                zones = guessedZones(form.getRegion());
            }
        } else {
            zones = guessedZones(form.getRegion());
        }
        List<String> choices = new ArrayList<>(zones);
        form.getSelectedZones().stream().filter(zone -> !choices.contains(zone)).forEach(choices::add);
        model.addAttribute("zoneChoices", choices);
        model.addAttribute("zonesVerified", verified);
        return choices;
    }

    private static List<String> guessedZones(String region) {
        // Tokyo has no 1b for accounts made since 2012; the seed uses 1a and 1c.
        List<String> letters = region.equals("ap-northeast-1") ? List.of("a", "c", "d") : List.of("a", "b", "c");
        return letters.stream().map(letter -> region + letter).toList();
    }

    /** A changed VPC block makes old suggestions meaningless: drop the blocks that no longer fit. */
    private static void keepSubnetsInsideVpc(WizardForm before, WizardForm form) {
        Optional<Cidr> vpc = Cidr.parse(form.getVpcCidr());
        if (vpc.isEmpty() || form.getVpcCidr().equals(before.getVpcCidr())) {
            return;
        }
        for (WizardForm.ZoneForm zone : form.getAvailabilityZones()) {
            if (Cidr.parse(zone.getPublicSubnetCidr()).filter(vpc.get()::contains).isEmpty()) {
                zone.setPublicSubnetCidr(null);
            }
            if (Cidr.parse(zone.getPrivateSubnetCidr()).filter(vpc.get()::contains).isEmpty()) {
                zone.setPrivateSubnetCidr(null);
            }
        }
    }

    private static boolean rejectOwned(BindingResult errors, ValidationReport report, WizardStep step) {
        boolean any = false;
        for (FieldProblem problem : report.errors()) {
            if (step.owns(problem.field())) {
                reject(errors, problem);
                any = true;
            }
        }
        return any;
    }

    private void rejectAll(BindingResult errors, ValidationReport report, WizardStep step, Model model) {
        report.errors().forEach(problem -> reject(errors, problem));
        model.addAttribute("problemSteps", report.errors().stream().map(problem -> new StepProblem(problem,
                text.problem(problem), java.util.Arrays.stream(WizardStep.values())
                        .filter(s -> s.owns(problem.field())).findFirst().orElse(WizardStep.TARGET))).toList());
    }

    /** A problem on the review page: where to fix it, and what it says in the reader's language. */
    public record StepProblem(FieldProblem problem, String text, WizardStep step) {
    }

    private static void reject(BindingResult errors, FieldProblem problem) {
        try {
            // The message key shows it in the reader's language; the English words are the fallback.
            errors.rejectValue(problem.field(), problem.code() != null ? problem.code() : "invalid",
                    problem.args().toArray(), problem.message());
        } catch (RuntimeException notAFormField) {
            errors.reject("invalid", problem.field() + ": " + problem.message());
        }
    }

    private WizardDrafts.Draft draft(String draftId) {
        return drafts.find(draftId).orElseThrow(() -> new NotFoundException("Wizard draft", draftId));
    }

    private static WizardStep step(String path) {
        WizardStep step = WizardStep.of(path);
        if (step == null) {
            throw new NotFoundException("Wizard step", path);
        }
        return step;
    }
}
