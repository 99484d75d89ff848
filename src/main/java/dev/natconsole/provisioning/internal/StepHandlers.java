package dev.natconsole.provisioning.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dev.natconsole.topology.ActionKind;

/** The handler of every {@link ActionKind}; construction fails if one is missing. */
@Component
public class StepHandlers {

    private final Map<ActionKind, StepHandler> handlers = new EnumMap<>(ActionKind.class);

    public StepHandlers() {
        Stream.of(NetworkSteps.all(), SecurityGroupSteps.all(), InstanceSteps.all()).flatMap(java.util.List::stream)
                .forEach(handler -> handlers.put(handler.kind(), handler));
        for (ActionKind kind : ActionKind.values()) {
            if (!handlers.containsKey(kind)) {
                throw new IllegalStateException("no step handler for " + kind);
            }
        }
    }

    public StepHandler get(ActionKind kind) {
        return handlers.get(kind);
    }
}
