package dev.natconsole.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole console on an in-memory database, with MockMvc and the shared moto server. Register a target
 * pointing at {@link MotoServer#endpoint()} to reach it through the console's own SDK clients. Requests run as
 * an admin with a valid CSRF token, like a signed-in browser; the security rules themselves are tested in
 * {@code SecurityTest} without this shortcut.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MotoExtension.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(ConsoleTestConfiguration.class)
@ActiveProfiles("test")
public @interface ConsoleIntegrationTest {
}
