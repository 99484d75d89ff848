package dev.natconsole.inventory;

import java.util.List;

import dev.natconsole.provisioning.ExtraRule;
import dev.natconsole.provisioning.RunView;

/** What a repair did: the drift it found, the rules it revoked, and the run re-applying the rest (or null). */
public record RepairResult(DriftReport drift, List<ExtraRule> revokedRules, RunView run) {
}
