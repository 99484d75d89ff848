package dev.natconsole.security.internal;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.natconsole.security.AuditLog;
import dev.natconsole.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Administration", description = "Users, API tokens and the audit log (ADMIN only)")
@RestController
@RequestMapping("/api")
class SecurityApiController {

    private final Users users;
    private final ApiTokens tokens;
    private final AuditLog audit;

    SecurityApiController(Users users, ApiTokens tokens, AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
    }

    record NewUser(String username, String password, Role role) {
    }

    record UserChange(Role role, Boolean enabled) {
    }

    record NewTokenRequest(String username, String name) {
    }

    @Operation(summary = "List users")
    @GetMapping("/users")
    List<Users.UserView> users() {
        return users.list();
    }

    @Operation(summary = "Create a user")
    @PostMapping("/users")
    ResponseEntity<Users.UserView> createUser(@RequestBody NewUser request) {
        Users.UserView user = users.create(request.username(), request.password(), request.role());
        return ResponseEntity.created(URI.create("/api/users/" + user.id())).body(user);
    }

    @Operation(summary = "Change a user's role or disable them")
    @PutMapping("/users/{id}")
    Users.UserView updateUser(@PathVariable long id, @RequestBody UserChange change, Principal principal) {
        return users.update(id, change.role(), change.enabled(), principal.getName());
    }

    @Operation(summary = "List API tokens (never their values)")
    @GetMapping("/tokens")
    List<ApiTokens.TokenView> tokens() {
        return tokens.list();
    }

    @Operation(summary = "Make an API token for a user; its value is in this response only")
    @PostMapping("/tokens")
    ResponseEntity<ApiTokens.NewToken> createToken(@RequestBody NewTokenRequest request) {
        ApiTokens.NewToken token = tokens.create(request.username(), request.name());
        return ResponseEntity.created(URI.create("/api/tokens/" + token.token().id())).body(token);
    }

    @Operation(summary = "Revoke an API token")
    @DeleteMapping("/tokens/{id}")
    ApiTokens.TokenView revoke(@PathVariable long id) {
        return tokens.revoke(id);
    }

    @Operation(summary = "The latest audit events, newest first")
    @GetMapping("/audit")
    List<AuditLog.Event> audit(@RequestParam(defaultValue = "200") int limit) {
        return audit.latest(limit);
    }

    @Operation(summary = "The whole audit log as CSV or JSON, oldest first")
    @GetMapping("/audit/export")
    ResponseEntity<?> export(@RequestParam(defaultValue = "csv") String format) {
        List<AuditLog.Event> events = audit.all();
        if (format.equals("json")) {
            return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=audit.json")
                    .contentType(MediaType.APPLICATION_JSON).body(events);
        }
        StringBuilder csv = new StringBuilder("id,at,actor,action,subject,outcome,detail,remote\n");
        for (AuditLog.Event event : events) {
            csv.append(event.id()).append(',').append(event.at()).append(',').append(cell(event.actor())).append(',')
                    .append(cell(event.action())).append(',').append(cell(event.subject())).append(',')
                    .append(cell(event.outcome())).append(',').append(cell(event.detail())).append(',')
                    .append(cell(event.remote())).append('\n');
        }
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=audit.csv")
                .contentType(new MediaType("text", "csv")).body(csv.toString());
    }

    /** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
