package dev.natconsole.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed sign-ins for one username within
 * {@link #WINDOW}, that username is locked until the oldest failure leaves the window. Kept in memory, so each
 * console instance counts on its own; enough to make guessing slow, not a replacement for a WAF.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public void failed(String username) {
        Deque<Instant> times = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            prune(times);
        }
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    public boolean locked(String username) {
        Deque<Instant> times = failures.get(key(username));
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times);
            return times.size() >= MAX_FAILURES;
        }
    }

    private void prune(Deque<Instant> times) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
            times.removeFirst();
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(java.util.Locale.ROOT);
    }
}
