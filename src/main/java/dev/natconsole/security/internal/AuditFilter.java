package dev.natconsole.security.internal;

import java.io.IOException;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.natconsole.security.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes an audit row for every mutating request, whether it succeeded, failed or was refused, after the
 * response status is known. Sign-in and sign-out are recorded from Spring Security's events instead.
 */
class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLog audit;

    AuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !MUTATING.contains(request.getMethod()) || path.equals("/login") || path.equals("/logout");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            // Read after the chain: a bearer token is only known once its filter has run.
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            String actor = who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken
                    ? "anonymous" : who.getName();
            AuditActions.Named named = AuditActions.name(request.getMethod(), request.getRequestURI());
            String outcome = status == 401 || status == 403 ? "denied" : status >= 400 ? "failed" : "success";
            audit.record(actor, named.action(), named.subject(), outcome, request.getMethod() + " "
                    + request.getRequestURI() + " -> " + status, request.getRemoteAddr());
        }
    }
}
