package dev.natconsole.provisioning.internal;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.natconsole.provisioning.Provisioning;
import dev.natconsole.provisioning.TopologyStatus;
import dev.natconsole.shared.ConflictException;
import dev.natconsole.topology.TopologyDeletionGuard;

/**
 * A plan whose resources may still exist in AWS cannot be deleted: its tags and run records are how the console
 * finds those resources again, so deleting it first would leave them behind, unmanaged and billed.
 */
@Component
class AppliedTopologyGuard implements TopologyDeletionGuard {

    private static final Set<TopologyStatus> LIVE = EnumSet.of(TopologyStatus.APPLYING, TopologyStatus.APPLIED,
            TopologyStatus.FAILED, TopologyStatus.DESTROYING);

    private final Provisioning provisioning;

    AppliedTopologyGuard(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public void checkDeletable(long topologyId) {
        TopologyStatus status = provisioning.status(topologyId);
        if (LIVE.contains(status)) {
            throw new ConflictException("Topology " + topologyId + " is " + status.name().toLowerCase()
                    + ": destroy it first, so that no AWS resource is left behind");
        }
    }
}
