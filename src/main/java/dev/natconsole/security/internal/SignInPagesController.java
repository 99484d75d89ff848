package dev.natconsole.security.internal;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.natconsole.shared.InvalidInputException;

@Controller
class SignInPagesController {

    private final Users users;

    SignInPagesController(Users users) {
        this.users = users;
    }

    @GetMapping("/login")
    String login() {
        return "security/login";
    }

    @GetMapping("/account/password")
    String passwordForm(Principal principal, Model model) {
        model.addAttribute("mustChange", users.mustChangePassword(principal.getName()));
        return "security/password";
    }

    @PostMapping("/account/password")
    String changePassword(Principal principal, @RequestParam String currentPassword, @RequestParam String newPassword,
            Model model, RedirectAttributes redirect) {
        try {
            users.changePassword(principal.getName(), currentPassword, newPassword);
            redirect.addFlashAttribute("flashKey", "account.passwordChanged");
            return "redirect:/";
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("mustChange", users.mustChangePassword(principal.getName()));
            return "security/password";
        }
    }
}
