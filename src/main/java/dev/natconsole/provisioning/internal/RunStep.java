package dev.natconsole.provisioning.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.natconsole.topology.ActionKind;
import dev.natconsole.topology.PlanAction;

/**
 * A step as a run stores and executes it: a plan action for an apply, the undoing of one for a destroy, or the
 * final sweep of a destroy ({@link #SWEEP}). Serialised into the run's plan snapshot.
 */
public record RunStep(String id, String kind, String description, String zone, List<String> dependsOn,
        Map<String, String> params) {

    public static final String SWEEP = "SWEEP";

    public RunStep {
        dependsOn = List.copyOf(dependsOn);
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static RunStep of(PlanAction action) {
        return new RunStep(action.id(), action.kind().name(), action.description(), action.zone(),
                action.dependsOn(), action.params());
    }

    public boolean isSweep() {
        return SWEEP.equals(kind);
    }

    public ActionKind actionKind() {
        return ActionKind.valueOf(kind);
    }

    public String param(String name) {
        return params.get(name);
    }
}
