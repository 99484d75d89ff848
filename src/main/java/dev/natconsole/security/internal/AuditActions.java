package dev.natconsole.security.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names a mutating request for the audit log: "apply topology 3" reads better than "POST /api/topologies/3/apply". */
final class AuditActions {

    record Named(String action, String subject) {
    }

    private record Rule(String method, Pattern path, String action, String subjectKind) {
    }

    private static final String ID = "(\\d+)";
    private static final List<Rule> RULES = List.of(
            rule("POST", "(?:/api)?/topologies/" + ID + "/apply", "apply", "topology"),
            rule("POST", "(?:/api)?/topologies/" + ID + "/destroy", "destroy", "topology"),
            rule("POST", "(?:/api)?/topologies/" + ID + "/repair", "repair", "topology"),
            rule("POST", "(?:/api)?/topologies/" + ID + "/runs/\\d+/resume", "resume", "topology"),
            rule("POST", "(?:/api)?/inventory/scan", "scan", null),
            rule("POST", "/api/topologies", "topology.create", null),
            rule("POST", "/wizard/[\\w-]+/review", "topology.create", null),
            rule("POST", "/wizard/[\\w-]+/\\w+", "wizard.step", null),
            rule("PUT", "/api/topologies/" + ID, "topology.update", "topology"),
            rule("DELETE", "/api/topologies/" + ID, "topology.delete", "topology"),
            rule("POST", "/topologies/" + ID + "/delete", "topology.delete", "topology"),
            rule("POST", "(?:/api)?/targets", "target.create", null),
            rule("DELETE", "/api/targets/" + ID, "target.delete", "target"),
            rule("POST", "/targets/" + ID + "/delete", "target.delete", "target"),
            rule("POST", "/sandbox", "target.sandbox", null),
            rule("POST", "(?:/api|/admin)/users", "user.create", null),
            rule("PUT", "/api/users/" + ID, "user.update", "user"),
            rule("POST", "/admin/users/" + ID, "user.update", "user"),
            rule("POST", "(?:/api|/admin)/tokens", "token.create", null),
            rule("DELETE", "/api/tokens/" + ID, "token.revoke", "token"),
            rule("POST", "/admin/tokens/" + ID + "/revoke", "token.revoke", "token"),
            rule("POST", "/account/password", "user.password", null));

    private AuditActions() {
    }

    private static Rule rule(String method, String path, String action, String subjectKind) {
        return new Rule(method, Pattern.compile(path), action, subjectKind);
    }

    static Named name(String method, String path) {
        for (Rule rule : RULES) {
            Matcher matcher = rule.path().matcher(path);
            if (rule.method().equals(method) && matcher.matches()) {
                String subject = rule.subjectKind() != null && matcher.groupCount() > 0
                        ? rule.subjectKind() + " " + matcher.group(1) : null;
                return new Named(rule.action(), subject);
            }
        }
        return new Named(method + " " + path, null);
    }
}
