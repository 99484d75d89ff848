package dev.natconsole.provisioning.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At startup, runs left RUNNING by a console that stopped or crashed become INTERRUPTED and resumable. */
@Component
class InterruptedRunRecovery {

    private final ProvisioningEngine engine;

    InterruptedRunRecovery(ProvisioningEngine engine) {
        this.engine = engine;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        engine.recoverInterruptedRuns();
    }
}
