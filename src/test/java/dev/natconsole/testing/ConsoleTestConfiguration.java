package dev.natconsole.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Feature tests act like a browser signed in as an admin: every MockMvc request carries that user and a valid
 * CSRF token, whatever thread or JUnit callback sends it.
 */
@TestConfiguration(proxyBeanMethods = false)
class ConsoleTestConfiguration {

    @Bean
    MockMvcBuilderCustomizer csrfByDefault() {
        return builder -> builder.defaultRequest(get("/").with(user("test-admin").roles("ADMIN")).with(csrf()));
    }
}
