package dev.natconsole.target.internal;

import java.util.stream.Stream;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import dev.natconsole.target.Target;
import dev.natconsole.target.TargetUnreachableException;
import dev.natconsole.target.Targets;

/**
 * One health indicator per registered target, read from the database at each request so that new targets
 * show up at once. An unreachable target reports {@code UNREACHABLE}, which the status order in
 * application.yml ranks below UP: a dead emulator must not mark the console itself as down.
 */
@Component("targetsHealthContributor")
class TargetHealthContributor implements CompositeHealthContributor {

    static final Status UNREACHABLE = new Status("UNREACHABLE");

    private final Targets targets;

    TargetHealthContributor(Targets targets) {
        this.targets = targets;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return targets.list().stream().filter(target -> target.name().equals(name)).findFirst()
                .map(this::indicator).orElse(null);
    }

    @Override
    public Stream<Entry> stream() {
        return targets.list().stream().map(target -> new Entry(target.name(), indicator(target)));
    }

    private HealthIndicator indicator(Target target) {
        return () -> {
            try {
                var zones = targets.availabilityZones(target.id(), target.defaultRegion());
                return Health.up().withDetail("kind", target.kind()).withDetail("region", target.defaultRegion())
                        .withDetail("availabilityZones", zones.size()).build();
            } catch (TargetUnreachableException e) {
                return Health.status(UNREACHABLE).withDetail("kind", target.kind())
                        .withDetail("region", target.defaultRegion()).withDetail("error", e.getMessage()).build();
            }
        };
    }
}
