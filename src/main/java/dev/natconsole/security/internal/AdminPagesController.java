package dev.natconsole.security.internal;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.natconsole.security.AuditLog;
import dev.natconsole.security.Role;
import dev.natconsole.shared.ConflictException;
import dev.natconsole.shared.InvalidInputException;

@Controller
@RequestMapping("/admin")
class AdminPagesController {

    private final Users users;
    private final ApiTokens tokens;
    private final AuditLog audit;

    AdminPagesController(Users users, ApiTokens tokens, AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("roles", Role.values());
        return "security/users";
    }

    @PostMapping("/users")
    String createUser(@RequestParam String username, @RequestParam String password, @RequestParam Role role,
            RedirectAttributes redirect) {
        try {
            users.create(username, password, role);
            redirect.addFlashAttribute("flashKey", "admin.userCreated");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/users/{id}")
    String updateUser(@PathVariable long id, @RequestParam(required = false) Role role,
            @RequestParam(required = false) Boolean enabled, Principal principal, RedirectAttributes redirect) {
        try {
            users.update(id, role, enabled, principal.getName());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/tokens")
    String createToken(@RequestParam String username, @RequestParam String name, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newToken", tokens.create(username, name));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id) {
        tokens.revoke(id);
        return "redirect:/admin/users";
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("events", audit.latest(500));
        return "security/audit";
    }
}
