package dev.natconsole.provisioning.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.natconsole.provisioning.RunView;
import dev.natconsole.provisioning.StepEvent;

/**
 * Server-sent event streams of live runs: a subscriber first gets the run as it stands ({@code run}), then a
 * {@code step} event each time a step changes state, and a last {@code run} event when the run ends.
 */
@Component
public class RunEvents {

    private static final long TIMEOUT = Duration.ofMinutes(60).toMillis();

    private final Map<Long, List<SseEmitter>> emitters = new ConcurrentHashMap<>();

    public SseEmitter subscribe(RunView current) {
        SseEmitter emitter = new SseEmitter(TIMEOUT);
        List<SseEmitter> list = emitters.computeIfAbsent(current.id(), id -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(emitter, "run", current);
        if (current.status().finished()) {
            list.remove(emitter);
            emitter.complete();
        }
        return emitter;
    }

    void step(StepEvent event) {
        for (SseEmitter emitter : emitters.getOrDefault(event.runId(), List.of())) {
            send(emitter, "step", event.step());
        }
    }

    void finished(RunView run) {
        List<SseEmitter> list = emitters.remove(run.id());
        if (list == null) {
            return;
        }
        for (SseEmitter emitter : list) {
            send(emitter, "run", run);
            emitter.complete();
        }
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }
}
