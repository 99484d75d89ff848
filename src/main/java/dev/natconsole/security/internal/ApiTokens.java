package dev.natconsole.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.natconsole.shared.FieldProblem;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.shared.NotFoundException;

/**
 * Per-user API tokens. A token is 32 random bytes, so a plain SHA-256 is a safe way to store it (there is no
 * dictionary to try); it is shown once, when made, and never again.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "nct_";
    private static final Pattern NAME = Pattern.compile("[\\w .@-]{1,64}");
    private final SecureRandom random = new SecureRandom();

    public record TokenView(long id, String username, String name, String prefix, java.time.Instant createdAt,
            java.time.Instant lastUsedAt, java.time.Instant revokedAt) {

        static TokenView of(ApiTokenEntity token) {
            return new TokenView(token.getId(), token.getUser().getUsername(), token.getName(),
                    token.getTokenPrefix(), token.getCreatedAt(), token.getLastUsedAt(), token.getRevokedAt());
        }
    }

    /** A token just made: the only time its secret value exists outside the caller's hands. */
    public record NewToken(TokenView token, String value) {
    }

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, UserRepository users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public NewToken create(String username, String name) {
        UserEntity user = users.findByUsername(username == null ? "" : username).orElseThrow(
                () -> new InvalidInputException("username", "no user named " + username));
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(List.of(new FieldProblem("name",
                    "must be 1 to 64 letters, digits, spaces, '.', '@' or '-'")));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiTokenEntity saved = tokens.save(new ApiTokenEntity(user, name, hash(value), value.substring(0, 10),
                clock.instant()));
        return new NewToken(TokenView.of(saved), value);
    }

    @Transactional(readOnly = true)
    public List<TokenView> list() {
        return tokens.findAllByOrderByCreatedAtDesc().stream().map(TokenView::of).toList();
    }

    @Transactional
    public TokenView revoke(long id) {
        ApiTokenEntity token = tokens.findById(id).orElseThrow(() -> new NotFoundException("Token", id));
        token.revoke(clock.instant());
        return TokenView.of(token);
    }

    /** The user a presented token belongs to, when the token exists, is not revoked and its user is enabled. */
    @Transactional
    public Optional<UserEntity> authenticate(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(value)).filter(ApiTokenEntity::active).map(token -> {
            token.used(clock.instant());
            return token.getUser();
        });
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
