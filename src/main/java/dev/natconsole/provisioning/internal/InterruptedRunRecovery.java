package dev.natconsole.provisioning.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds runs whose console died: each console writes a heartbeat for the runs it executes, and a RUNNING run
 * without a heartbeat for {@code orphan-after} is marked INTERRUPTED (resumable) by whichever console notices
 * first, at its start or on its next check. Several consoles may share one database this way.
 */
@Component
class InterruptedRunRecovery {

    private final ProvisioningEngine engine;
    private final Clock clock;
    private final Duration orphanAfter;

    InterruptedRunRecovery(ProvisioningEngine engine, Clock clock,
            @Value("${natconsole.provisioning.orphan-after:PT1M}") Duration orphanAfter) {
        this.engine = engine;
        this.clock = clock;
        this.orphanAfter = orphanAfter;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        engine.recoverOrphanedRuns(clock.instant().minus(orphanAfter));
    }

    @Scheduled(fixedDelayString = "${natconsole.provisioning.heartbeat-interval:PT10S}",
            initialDelayString = "${natconsole.provisioning.heartbeat-interval:PT10S}")
    void beatAndCheck() {
        engine.heartbeat();
        engine.recoverOrphanedRuns(clock.instant().minus(orphanAfter));
    }
}
