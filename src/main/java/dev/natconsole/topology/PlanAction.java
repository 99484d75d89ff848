package dev.natconsole.topology;

import java.util.List;
import java.util.Map;

/**
 * One step of a plan. {@code id} is the logical id, stable for a given design, that the resource made by this
 * step is tagged with ({@code natconsole:logical-id}) so that it can be found again. {@code zone} is the AZ
 * the step belongs to, or null for VPC-wide steps.
 */
public record PlanAction(String id, ActionKind kind, String description, String zone, List<String> dependsOn,
        Map<String, String> params) {

    public PlanAction {
        dependsOn = List.copyOf(dependsOn);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    public String param(String name) {
        return params.get(name);
    }
}
