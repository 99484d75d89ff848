package dev.natconsole.security.internal;

import java.io.IOException;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates {@code Authorization: Bearer nct_...} requests with an API token. A token that is unknown or
 * revoked ends the request with a 401 problem detail rather than falling back to anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemResponses problems;

    BearerTokenFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String value = request.getHeader("Authorization").substring(7).trim();
        var user = tokens.authenticate(value);
        if (user.isEmpty()) {
            problems.write(request, response, 401, "Unauthorized", "The API token is unknown or revoked");
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user.get().getUsername(), null,
                List.of(new SimpleGrantedAuthority(user.get().getRole().authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        // Not saved anywhere: Spring Security's context holder filter clears it when the request ends.
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
