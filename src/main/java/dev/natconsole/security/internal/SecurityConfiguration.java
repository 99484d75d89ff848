package dev.natconsole.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.natconsole.security.AuditLog;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may do what. VIEWER reads, OPERATOR changes topologies and runs them, ADMIN manages targets, users,
 * tokens and reads the audit log. Pages use a session with CSRF protection; API callers may use the session
 * (with CSRF) or a Bearer token (without: a token cannot be sent by a cross-site form).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Only the console's own assets; Swagger UI alone needs inline styles. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER");
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ApiTokens tokens, ProblemResponses problems, AuditLog audit)
            throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        var signInPage = new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint(
                "/login");
        RequestMatcher swagger = request -> request.getRequestURI().startsWith("/swagger-ui");
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/api/users/**", "/api/tokens/**", "/api/audit/**", "/admin/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/targets/**", "/targets").hasRole("VIEWER")
                .requestMatchers("/api/targets/**", "/targets/**", "/sandbox").hasRole("ADMIN")
                .requestMatchers("/wizard/**").hasRole("OPERATOR")
                .requestMatchers(HttpMethod.GET, "/**").hasRole("VIEWER")
                .requestMatchers("/account/**").hasRole("VIEWER")
                .anyRequest().hasRole("OPERATOR"))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer))
            .exceptionHandling(errors -> errors
                .authenticationEntryPoint((request, response, e) -> {
                    if (api.matches(request)) {
                        problems.write(request, response, 401, "Unauthorized",
                                "Sign in, or send an API token as 'Authorization: Bearer ...'");
                    } else {
                        signInPage.commence(request, response, e);
                    }
                })
                .defaultAccessDeniedHandlerFor((request, response, e) -> problems.write(request, response, 403,
                        "Forbidden", "Your role does not allow this" + (e.getMessage() != null
                                && e.getMessage().toLowerCase().contains("csrf") ? " (missing or invalid CSRF token)"
                                : "")), api))
            .headers(headers -> headers
                .addHeaderWriter((request, response) -> {
                    if (!response.containsHeader("Content-Security-Policy")) {
                        response.setHeader("Content-Security-Policy", swagger.matches(request) ? SWAGGER_CSP : CSP);
                    }
                })
                .addHeaderWriter(new StaticHeadersWriter("Referrer-Policy", "same-origin"))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=()")))
            .addFilterAfter(new AuditFilter(audit), SecurityContextHolderFilter.class)
            .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** Records sign-ins and failed sign-ins, and feeds the failures to the throttle. */
    @Configuration(proxyBeanMethods = false)
    static class SignInEvents {

        private final AuditLog audit;
        private final LoginThrottle throttle;

        SignInEvents(AuditLog audit, LoginThrottle throttle) {
            this.audit = audit;
            this.throttle = throttle;
        }

        @EventListener
        void failed(AbstractAuthenticationFailureEvent event) {
            String username = event.getAuthentication().getName();
            throttle.failed(username);
            audit.record(username, "login.failed", "user " + username, "denied",
                    event.getException().getClass().getSimpleName(), remote(event.getAuthentication()));
        }

        @EventListener
        void succeeded(AuthenticationSuccessEvent event) {
            // Bearer tokens do not go through the authentication manager, so this is a form sign-in.
            String username = event.getAuthentication().getName();
            throttle.succeeded(username);
            audit.record(username, "login", "user " + username, "success", null, remote(event.getAuthentication()));
        }

        private static String remote(org.springframework.security.core.Authentication authentication) {
            return authentication.getDetails() instanceof org.springframework.security.web.authentication
                    .WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        }
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }
}
