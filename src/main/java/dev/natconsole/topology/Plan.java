package dev.natconsole.topology;

import java.util.List;
import java.util.Optional;

/**
 * The ordered steps that applying a topology performs. The order is a topological order of the dependencies
 * (every step comes after the steps it depends on) and is the same every time for the same design.
 */
public record Plan(List<PlanAction> actions) {

    public Plan {
        actions = List.copyOf(actions);
    }

    public Optional<PlanAction> action(String id) {
        return actions.stream().filter(action -> action.id().equals(id)).findFirst();
    }

    public int indexOf(String id) {
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
