package dev.natconsole.security.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.natconsole.security.Role;
import dev.natconsole.shared.ConflictException;
import dev.natconsole.shared.FieldProblem;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.shared.NotFoundException;

/**
 * Console users. The first admin comes from NATCONSOLE_ADMIN_PASSWORD, or else from a random one-time
 * password printed once in the log at first start, which must be changed at first sign-in.
 */
@Service
public class Users implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Users.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final int MIN_PASSWORD = 12;

    public record UserView(long id, String username, Role role, boolean enabled, boolean mustChangePassword,
            java.time.Instant createdAt) {

        static UserView of(UserEntity user) {
            return new UserView(user.getId(), user.getUsername(), user.getRole(), user.isEnabled(),
                    user.isMustChangePassword(), user.getCreatedAt());
        }
    }

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String adminUsername;
    private final String adminPassword;

    Users(UserRepository repository, PasswordEncoder encoder, Clock clock,
            @Value("${natconsole.admin.username:admin}") String adminUsername,
            @Value("${natconsole.admin.password:}") String adminPassword) {
        this.repository = repository;
        this.encoder = encoder;
        this.clock = clock;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (repository.count() > 0) {
            return;
        }
        if (!adminPassword.isBlank()) {
            repository.save(new UserEntity(adminUsername, encoder.encode(adminPassword), Role.ADMIN, false,
                    clock.instant()));
            log.info("Created the first admin '{}' with the password from NATCONSOLE_ADMIN_PASSWORD", adminUsername);
            return;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String oneTime = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        repository.save(new UserEntity(adminUsername, encoder.encode(oneTime), Role.ADMIN, true, clock.instant()));
        // Printed once, by design: the only way in on a fresh install without NATCONSOLE_ADMIN_PASSWORD.
        log.warn("\n\n    First start: sign in as '{}' with the one-time password {}\n"
                + "    You will be asked to choose a new password. Set NATCONSOLE_ADMIN_PASSWORD to avoid this.\n",
                adminUsername, oneTime);
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        return repository.findAllByOrderByUsernameAsc().stream().map(UserView::of).toList();
    }

    @Transactional
    public UserView create(String username, String password, Role role) {
        List<FieldProblem> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username", "must be 1 to 64 letters, digits, '.', '_', '@' or '-'"));
        } else if (repository.findByUsername(username).isPresent()) {
            problems.add(new FieldProblem("username", "a user named " + username + " already exists"));
        }
        checkPassword("password", password, problems);
        if (role == null) {
            problems.add(new FieldProblem("role", "is required (VIEWER, OPERATOR or ADMIN)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return UserView.of(repository.save(new UserEntity(username, encoder.encode(password), role, false,
                clock.instant())));
    }

    @Transactional
    public UserView update(long id, Role role, Boolean enabled, String actingUsername) {
        UserEntity user = repository.findById(id).orElseThrow(() -> new NotFoundException("User", id));
        if (user.getUsername().equals(actingUsername) && ((role != null && role != Role.ADMIN)
                || Boolean.FALSE.equals(enabled))) {
            throw new ConflictException("You cannot demote or disable yourself; ask another admin");
        }
        if (role != null) {
            user.changeRole(role);
        }
        if (enabled != null) {
            user.setEnabled(enabled);
        }
        return UserView.of(user);
    }

    @Transactional
    public void changePassword(String username, String current, String next) {
        UserEntity user = repository.findByUsername(username).orElseThrow(() -> new NotFoundException("User",
                username));
        List<FieldProblem> problems = new ArrayList<>();
        if (current == null || !encoder.matches(current, user.getPasswordHash())) {
            problems.add(new FieldProblem("currentPassword", "is not your current password"));
        }
        checkPassword("newPassword", next, problems);
        if (next != null && next.equals(current)) {
            problems.add(new FieldProblem("newPassword", "must differ from the current password"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        user.changePassword(encoder.encode(next));
    }

    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        return repository.findByUsername(username).map(UserEntity::isMustChangePassword).orElse(false);
    }

    private static void checkPassword(String field, String password, List<FieldProblem> problems) {
        if (password == null || password.length() < MIN_PASSWORD) {
            problems.add(new FieldProblem(field, "must be at least " + MIN_PASSWORD + " characters"));
        }
    }
}
