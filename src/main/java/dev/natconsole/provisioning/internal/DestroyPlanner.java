package dev.natconsole.provisioning.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.natconsole.topology.ActionKind;

/**
 * Turns the steps an apply executed into the steps that undo them, in reverse dependency order: the undoing of
 * a step waits for the undoing of every step that depended on it (an instance is terminated only after its
 * Elastic IP is disassociated; the VPC goes last). Steps with nothing to undo (a CIDR rule goes with its group)
 * are left out, keeping the order they imposed. A final sweep deletes anything still tagged with the topology.
 */
public final class DestroyPlanner {

    public static final String SWEEP_ID = "sweep";

    private DestroyPlanner() {
    }

    public static List<RunStep> plan(List<RunStep> applied, StepHandlers handlers) {
        Map<String, List<String>> dependents = new HashMap<>();
        for (RunStep step : applied) {
            for (String dependency : step.dependsOn()) {
                dependents.computeIfAbsent(dependency, d -> new ArrayList<>()).add(step.id());
            }
        }
        Set<String> undoable = new HashSet<>();
        for (RunStep step : applied) {
            if (handlers.get(step.actionKind()).undoable(step)) {
                undoable.add(step.id());
            }
        }
        List<RunStep> steps = new ArrayList<>();
        List<RunStep> reversed = new ArrayList<>(applied);
        Collections.reverse(reversed);
        for (RunStep step : reversed) {
            if (!undoable.contains(step.id())) {
                continue;
            }
            List<String> after = new ArrayList<>(nearestUndoable(step.id(), dependents, undoable));
            steps.add(new RunStep(step.id(), step.kind(), handlers.get(step.actionKind()).undoDescription(step),
                    step.zone(), after, step.params()));
        }
        // The sweep runs once everything else is undone but before the VPC goes, so that leftovers inside the
        // VPC (say a subnet of an AZ since removed from the design) do not block the VPC's deletion.
        List<String> beforeSweep = steps.stream().filter(step -> !isVpc(step)).map(RunStep::id).toList();
        List<RunStep> ordered = new ArrayList<>();
        steps.stream().filter(step -> !isVpc(step)).forEach(ordered::add);
        ordered.add(new RunStep(SWEEP_ID, RunStep.SWEEP, "Sweep: delete anything else still tagged with the topology",
                null, beforeSweep, Map.of()));
        steps.stream().filter(DestroyPlanner::isVpc).forEach(step -> {
            List<String> after = new ArrayList<>(step.dependsOn());
            after.add(SWEEP_ID);
            ordered.add(new RunStep(step.id(), step.kind(), step.description(), step.zone(), after, step.params()));
        });
        return ordered;
    }

    private static boolean isVpc(RunStep step) {
        return step.actionKind() == ActionKind.CREATE_VPC;
    }

    /** The undoable steps reachable from {@code id} through dependents, looking through those with nothing to undo. */
    private static Set<String> nearestUndoable(String id, Map<String, List<String>> dependents, Set<String> undoable) {
        Set<String> found = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(dependents.getOrDefault(id, List.of()));
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (undoable.contains(next)) {
                found.add(next);
            } else {
                queue.addAll(dependents.getOrDefault(next, List.of()));
            }
        }
        return found;
    }
}
