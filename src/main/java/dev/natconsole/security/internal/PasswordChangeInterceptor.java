package dev.natconsole.security.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A user signed in with a one-time password sees only the change-password page until they pick their own. */
@Configuration(proxyBeanMethods = false)
class PasswordChangeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final Users users;

    PasswordChangeInterceptor(Users users) {
        this.users = users;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/account/password", "/login", "/logout", "/css/**",
                "/js/**", "/error", "/api/**", "/actuator/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && users.mustChangePassword(authentication.getName())) {
            response.sendRedirect("/account/password");
            return false;
        }
        return true;
    }
}
