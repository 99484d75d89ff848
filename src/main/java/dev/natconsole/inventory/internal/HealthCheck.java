package dev.natconsole.inventory.internal;

import java.util.List;

import dev.natconsole.inventory.Finding;
import dev.natconsole.inventory.Severity;

/** One health check over a region's NAT paths: plain Java, no AWS call, so a test can feed it a hand-made network. */
public interface HealthCheck {

    /** A stable, URL-safe id such as {@code source-dest-check-on}. */
    String id();

    Severity severity();

    List<Finding> run(CheckContext context);
}
